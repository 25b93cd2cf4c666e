package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.oneonone.meetings.domain.Rejection;

/**
 * The rules of a reporting line: the manager is someone else, exists, is in the directory on the day the line
 * starts, and no line goes round in a circle.
 */
public final class ReportingLines {
    public static final String FIELD = "managerId";

    private ReportingLines() {
    }

    /**
     * Why {@code personId} may not report to {@code managerId} from {@code on}, or null when they may (or when there
     * is no manager).
     */
    public static Rejection check(UUID personId, UUID managerId, Directory directory, LocalDate on) {
        if (managerId == null) {
            return null;
        }
        if (managerId.equals(personId)) {
            return Rejection.ofField(FIELD, "own-manager", "A person cannot be their own manager.");
        }
        Directory.Entry manager = directory.find(managerId);
        if (manager == null) {
            return Rejection.ofField(FIELD, "unknown-manager",
                    "No person " + managerId + " in this organisation's directory.");
        }
        if (!manager.employedOn(on)) {
            return Rejection.ofField(FIELD, "manager-not-employed", "Person " + managerId
                    + " is not employed on " + on + " (not yet joined, or past their last day) and cannot be a manager then.");
        }
        return closesCircle(personId, managerId, id -> {
            Directory.Entry above = directory.find(id);
            return above == null ? null : above.managerId();
        }) ? cycle(managerId, null) : null;
    }

    /**
     * Whether {@code personId} reporting to {@code managerId} closes a circle, given who each other person reports to
     * ({@code managerOf} answers null for nobody): walking up from the manager meets the person again.
     */
    public static boolean closesCircle(UUID personId, UUID managerId, Function<UUID, UUID> managerOf) {
        Set<UUID> seen = new HashSet<>();
        for (UUID above = managerId; above != null && seen.add(above); above = managerOf.apply(above)) {
            if (above.equals(personId)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal of a line that closes a circle (on {@code day}, when it is a past day's lines). */
    public static Rejection cycle(UUID managerId, LocalDate day) {
        return Rejection.ofField(FIELD, "reporting-cycle", "Person " + managerId + " reports (directly or through "
                + "others) to this person" + (day == null ? "" : " on " + day)
                + "; the reporting line would go round in a circle.");
    }
}
