package dev.oneonone.insights.domain.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every interval of an organisation's directory, held in memory so that the directory of any date
 * (a week end of a trend, say) is one pass over it rather than one query per date.
 */
public final class DirectoryHistory {
    /** A person's employment: from registration through their last day. */
    public record Employment(UUID personId, Instant registeredAt, LocalDate lastDay) {
    }

    /** A valid-from/valid-to interval of a value; {@code validTo} null while still valid. */
    public record Interval<T>(UUID personId, T value, Instant validFrom, Instant validTo) {
        boolean holdsJustBefore(Instant end) {
            return validFrom.isBefore(end) && (validTo == null || !validTo.isBefore(end));
        }
    }

    /** Team and department codes. */
    public record Placement(String team, String department) {
    }

    private final List<Employment> employments;
    private final Map<UUID, List<Interval<UUID>>> lines = new HashMap<>();
    private final Map<UUID, List<Interval<Placement>>> placements = new HashMap<>();

    public DirectoryHistory(List<Employment> employments, List<Interval<UUID>> lines,
            List<Interval<Placement>> placements) {
        this.employments = List.copyOf(employments);
        lines.forEach(line -> this.lines.computeIfAbsent(line.personId(), p -> new ArrayList<>()).add(line));
        placements.forEach(p -> this.placements.computeIfAbsent(p.personId(), x -> new ArrayList<>()).add(p));
    }

    /**
     * The directory at the end of {@code date} in {@code zone}: people registered by then and not
     * past their last day, with the reporting line and placement in force at that moment.
     */
    public Directory asOf(LocalDate date, ZoneId zone) {
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Directory.Person> people = new ArrayList<>();
        for (Employment employment : employments) {
            if (!employment.registeredAt().isBefore(end)
                    || (employment.lastDay() != null && employment.lastDay().isBefore(date))) {
                continue;
            }
            UUID person = employment.personId();
            UUID manager = valueAt(lines.get(person), end);
            Placement placement = valueAt(placements.get(person), end);
            people.add(new Directory.Person(person, manager, placement == null ? null : placement.team(),
                    placement == null ? null : placement.department()));
        }
        return new Directory(people);
    }

    private static <T> T valueAt(List<Interval<T>> intervals, Instant end) {
        if (intervals == null) {
            return null;
        }
        for (Interval<T> interval : intervals) {
            if (interval.holdsJustBefore(end)) {
                return interval.value();
            }
        }
        return null;
    }
}
