package dev.oneonone.events.meetings;

import java.time.LocalDate;
import java.util.UUID;

/** Two people agreed to meet regularly. The leader runs the series; the companion owns its agenda. */
public record SeriesStarted(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        Relationship relationship,
        Cadence cadence,
        int plannedMinutes,
        String timeZone,
        LocalDate startsOn) implements SeriesEvent {
}
