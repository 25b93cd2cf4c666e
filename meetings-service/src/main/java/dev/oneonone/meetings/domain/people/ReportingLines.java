package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

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
        // walk up from the proposed manager; meeting the person again would close a circle
        Set<UUID> seen = new HashSet<>();
        for (Directory.Entry above = manager; above != null && seen.add(above.personId());
                above = above.managerId() == null ? null : directory.find(above.managerId())) {
            if (above.personId().equals(personId)) {
                return Rejection.ofField(FIELD, "reporting-cycle", "Person " + managerId + " reports (directly or "
                        + "through others) to this person; the reporting line would go round in a circle.");
            }
        }
        return null;
    }
}
