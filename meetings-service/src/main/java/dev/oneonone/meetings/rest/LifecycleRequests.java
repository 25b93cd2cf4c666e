package dev.oneonone.meetings.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceRecommendation;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.RescheduleReason;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Request bodies of the series and meeting lifecycle. */
public final class LifecycleRequests {
    private LifecycleRequests() {
    }

    @Schema(name = "ChangeCadence", description = "Meet more or less often.")
    public record ChangeCadenceRequest(
            @Schema(example = "WEEKLY") @NotNull Cadence cadence,
            @Schema(description = "The advice the change follows, if any.", example = "STEP_DOWN_FROM_DAILY")
            CadenceRecommendation recommendation) {
    }

    @Schema(name = "PauseSeries", description = "Rest the series for a while, e.g. parental leave; both days included.")
    public record PauseSeriesRequest(
            @Schema(example = "2026-12-21") @NotNull LocalDate from,
            @Schema(example = "2027-01-03") @NotNull LocalDate until) {
    }

    @Schema(name = "ResumeSeries", description = "End the current pause early.")
    public record ResumeSeriesRequest(
            @Schema(description = "First active day again; today in the series' time zone when left out.", example = "2026-12-28")
            LocalDate on) {
    }

    @Schema(name = "RescheduleMeeting", description = "Move a meeting; rescheduling is not cancelling.")
    public record RescheduleMeetingRequest(
            @Schema(description = "The new start (UTC instant).", example = "2026-11-25T09:00:00Z") @NotNull Instant to,
            @Schema(example = "CONFLICT") @NotNull RescheduleReason reason) {
    }

    @Schema(name = "RecordMeetingHeld", description = "The meeting took place; may be recorded after the fact.")
    public record RecordHeldRequest(
            @Schema(description = "When it started (UTC instant); not in the future.", example = "2026-11-24T09:02:00Z")
            @NotNull Instant heldAt,
            @Schema(example = "28") @NotNull @Min(1) @Max(480) Integer actualMinutes,
            @Schema(example = "REMOTE") @NotNull MeetingMode mode) {
    }

    @Schema(name = "CancelMeeting", description = "Call a meeting off. Prefer a short catch-up or a reschedule.")
    public record CancelMeetingRequest(
            @Schema(example = "ILLNESS") @NotNull CancelReason reason) {
    }
}
