package dev.oneonone.meetings.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Schema(name = "ScheduleMeeting", description = "Put a meeting of the series on the calendar.")
public record ScheduleMeetingRequest(
        @Schema(description = "When the meeting starts (UTC instant).", example = "2026-11-24T09:00:00Z")
        @NotNull Instant scheduledFor,
        @Schema(description = "Planned length; the series' planned duration when left out.", example = "30")
        @Min(5) @Max(240) Integer plannedMinutes) {
}
