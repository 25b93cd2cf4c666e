package dev.oneonone.meetings.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.projection.MeetingOverview;

@Schema(name = "Meeting", description = "One meeting of a series.")
public record MeetingView(
        @Schema(example = "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99") UUID id,
        UUID seriesId,
        @Schema(example = "2026-11-24T09:00:00Z") Instant scheduledFor,
        @Schema(example = "30") int plannedMinutes,
        @Schema(description = "The first meeting of the series (it starts from the first-meeting template).")
        boolean firstOfSeries,
        @Schema(example = "SCHEDULED") String status) {

    static MeetingView of(MeetingOverview meeting) {
        return new MeetingView(meeting.meetingId, meeting.seriesId, meeting.scheduledFor, meeting.plannedMinutes,
                meeting.firstOfSeries, meeting.status);
    }
}
