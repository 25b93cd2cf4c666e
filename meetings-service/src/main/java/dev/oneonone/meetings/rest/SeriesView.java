package dev.oneonone.meetings.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.projection.SeriesOverview;

@Schema(name = "Series", description = "A 1:1 series between a leader and a companion.")
public record SeriesView(
        @Schema(example = "0b6f3f0e-8f5b-4c59-a0a4-3e1f4b3a9c77") UUID id,
        UUID leaderId,
        UUID companionId,
        @Schema(example = "MANAGER_REPORT") String relationship,
        @Schema(example = "WEEKLY") String cadence,
        @Schema(example = "30") int plannedMinutes,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(example = "2026-11-23") LocalDate startsOn,
        @Schema(description = "ACTIVE, PAUSED (today is within the pause) or ENDED.", example = "ACTIVE") String status,
        @Schema(nullable = true, example = "TUESDAY") String preferredWeekday,
        @Schema(nullable = true, example = "10:00:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime preferredTime,
        @Schema(nullable = true, description = "The latest pause, first day", example = "2026-12-21") LocalDate pausedFrom,
        @Schema(nullable = true, description = "The latest pause, last day", example = "2027-01-03") LocalDate pausedUntil,
        @Schema(nullable = true) Instant endedAt,
        @Schema(description = "Version of the series; send it back in If-Match to change the series.", example = "1")
        long version) {

    static SeriesView of(SeriesOverview series) {
        return of(series, Clock.systemUTC());
    }

    static SeriesView of(SeriesOverview series, Clock clock) {
        String status = series.status;
        if (SeriesOverview.ACTIVE.equals(status) && series.pausedFrom != null) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(series.timeZone)));
            if (!today.isBefore(series.pausedFrom) && !today.isAfter(series.pausedUntil)) {
                status = "PAUSED";
            }
        }
        return new SeriesView(series.seriesId, series.leaderId, series.companionId, series.relationship,
                series.cadence, series.plannedMinutes, series.timeZone, series.startsOn, status,
                series.preferredWeekday, series.preferredTime, series.pausedFrom, series.pausedUntil, series.endedAt,
                series.version);
    }
}
