package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Two people agreed to meet regularly. The leader runs the series; the companion owns its agenda.
 * {@code preferredWeekday} and {@code preferredTime} (in {@code timeZone}) are the usual slot, or null.
 */
public record SeriesStarted(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        Relationship relationship,
        Cadence cadence,
        int plannedMinutes,
        String timeZone,
        LocalDate startsOn,
        @MayBeAbsent DayOfWeek preferredWeekday,
        @MayBeAbsent LocalTime preferredTime) implements SeriesEvent {
}
