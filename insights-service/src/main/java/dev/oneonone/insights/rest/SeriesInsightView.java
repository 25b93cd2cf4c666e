package dev.oneonone.insights.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.insights.projection.MeetingInsight;
import dev.oneonone.insights.projection.SeriesInsight;

@Schema(name = "SeriesInsight", description = "What insights-service knows of a series: no 1:1 content, ids and figures only.")
public record SeriesInsightView(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        @Schema(example = "MANAGER_REPORT") String relationship,
        @Schema(example = "WEEKLY") String cadence,
        @Schema(example = "2026-11-23") LocalDate startsOn,
        @Schema(description = "Meetings scheduled so far.", example = "1") int meetingsScheduled,
        @Schema(description = "The earliest meeting still ahead, or null when none is scheduled.") NextMeeting nextMeeting) {

    @Schema(name = "NextMeeting")
    public record NextMeeting(UUID meetingId, @Schema(example = "2026-11-24T09:00:00Z") Instant scheduledFor) {
    }

    static SeriesInsightView of(SeriesInsight series, MeetingInsight next) {
        return new SeriesInsightView(series.seriesId, series.leaderId, series.companionId, series.relationship,
                series.cadence, series.startsOn, series.meetingsScheduled,
                next == null ? null : new NextMeeting(next.meetingId, next.scheduledFor));
    }
}
