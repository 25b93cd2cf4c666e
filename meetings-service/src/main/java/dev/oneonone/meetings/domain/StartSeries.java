package dev.oneonone.meetings.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;

/** Start a 1:1 series between a leader and a companion. */
public record StartSeries(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        Relationship relationship,
        Cadence cadence,
        Integer plannedMinutes,
        String timeZone,
        LocalDate startsOn,
        Instant now) {
}
