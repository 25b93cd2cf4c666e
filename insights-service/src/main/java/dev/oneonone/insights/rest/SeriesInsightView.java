package dev.oneonone.insights.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SeriesInsight", description = "What insights-service knows of a series: no 1:1 content, ids and figures only.")
public record SeriesInsightView(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        @Schema(example = "MANAGER_REPORT") String relationship,
        @Schema(description = "Cadence in force on asOf", example = "WEEKLY") String cadence,
        @Schema(example = "2026-11-23") LocalDate startsOn,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(description = "Meetings scheduled up to asOf.", example = "1") int meetingsScheduled,
        @Schema(nullable = true, description = "The earliest meeting still ahead now, or null when none is scheduled.") NextMeeting nextMeeting,
        @Schema(description = "Every figure as of asOf") SeriesFiguresView figures) {

    @Schema(name = "NextMeeting")
    public record NextMeeting(UUID meetingId, @Schema(example = "2026-11-24T09:00:00Z") Instant scheduledFor) {
    }
}
