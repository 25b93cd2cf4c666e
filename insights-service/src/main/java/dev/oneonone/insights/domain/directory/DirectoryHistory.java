package dev.oneonone.insights.domain.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every interval of an organisation's directory, held in memory so that the directory of any date
 * (a week end of a trend, say) is one pass over it rather than one query per date.
 */
public final class DirectoryHistory {
    /**
     * One employment period of a person: from its start (registration or rehire, the start of its first day)
     * through its last day (null while it lasts). A person rehired has several, one after the other.
     */
    public record Employment(UUID personId, Instant startsAt, LocalDate lastDay) {
        /** True when the period contains the day that ends at {@code end}. */
        boolean contains(LocalDate date, Instant end) {
            return startsAt.isBefore(end) && (lastDay == null || !lastDay.isBefore(date));
        }
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

    /** Directories of dates already asked, the history being immutable (a trend asks the same week ends again). */
    private static final int DAYS_REMEMBERED = 64;
    private final Map<List<Object>, Directory> days = new ConcurrentHashMap<>();
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
     * The directory at the end of {@code date} in {@code zone}: people with an employment period that
     * contains the date (started by then and not past its last day), with the reporting line and placement
     * in force at that moment.
     */
    public Directory asOf(LocalDate date, ZoneId zone) {
        if (days.size() > DAYS_REMEMBERED) {
            days.clear();
        }
        return days.computeIfAbsent(List.of(date, zone), day -> compute(date, zone));
    }

    private Directory compute(LocalDate date, ZoneId zone) {
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Directory.Person> people = new ArrayList<>();
        Set<UUID> found = new HashSet<>();
        for (Employment employment : employments) {
            UUID person = employment.personId();
            if (!employment.contains(date, end) || !found.add(person)) {
                continue;
            }
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
