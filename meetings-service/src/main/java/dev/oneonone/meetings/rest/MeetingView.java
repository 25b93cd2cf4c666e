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
        @Schema(description = "SCHEDULED (also once rescheduled), HELD, CANCELLED or MISSED.", example = "SCHEDULED") String status,
        @Schema(description = "How often the meeting moved.", example = "0") int rescheduleCount,
        @Schema(nullable = true, description = "When it was held.", example = "2026-11-24T09:02:00Z") Instant heldAt,
        @Schema(description = "How long it lasted, once held.", example = "28") Integer actualMinutes,
        @Schema(nullable = true, description = "IN_PERSON or REMOTE, once held.", example = "REMOTE") String mode,
        @Schema(nullable = true, description = "Why it was cancelled.", example = "ILLNESS") String cancelReason) {

    public static MeetingView of(MeetingOverview meeting) {
        return new MeetingView(meeting.meetingId, meeting.seriesId, meeting.scheduledFor, meeting.plannedMinutes,
                meeting.firstOfSeries, meeting.status, meeting.rescheduleCount, meeting.heldAt, meeting.actualMinutes,
                meeting.mode, meeting.cancelReason);
    }
}
