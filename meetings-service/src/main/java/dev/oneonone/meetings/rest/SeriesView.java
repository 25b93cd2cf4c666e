package dev.oneonone.meetings.rest;

import java.time.LocalDate;
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
        @Schema(description = "Version of the series; send it back in If-Match to change the series.", example = "1")
        long version) {

    static SeriesView of(SeriesOverview series) {
        return new SeriesView(series.seriesId, series.leaderId, series.companionId, series.relationship,
                series.cadence, series.plannedMinutes, series.timeZone, series.startsOn, series.version);
    }
}
