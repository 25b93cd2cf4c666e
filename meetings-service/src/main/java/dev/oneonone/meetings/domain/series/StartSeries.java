package dev.oneonone.meetings.domain.series;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;

/**
 * Start a 1:1 series between a leader and a companion; the preferred weekday and time (in the
 * series' time zone) are optional.
 */
public record StartSeries(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        Relationship relationship,
        Cadence cadence,
        Integer plannedMinutes,
        String timeZone,
        LocalDate startsOn,
        DayOfWeek preferredWeekday,
        LocalTime preferredTime,
        Instant now,
        Instant occurredAt) implements SeriesCommand {

    public StartSeries {
        occurredAt = occurredAt == null ? now : occurredAt;
    }

    public StartSeries(UUID seriesId, UUID leaderId, UUID companionId, Relationship relationship, Cadence cadence,
            Integer plannedMinutes, String timeZone, LocalDate startsOn, DayOfWeek preferredWeekday,
            LocalTime preferredTime, Instant now) {
        this(seriesId, leaderId, companionId, relationship, cadence, plannedMinutes, timeZone, startsOn,
                preferredWeekday, preferredTime, now, now);
    }
}
