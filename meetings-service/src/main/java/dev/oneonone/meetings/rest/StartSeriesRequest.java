package dev.oneonone.meetings.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "StartSeries", description = "Two people agree to meet regularly.")
public record StartSeriesRequest(
        @Schema(description = "Person who runs the series (e.g. the manager).", example = "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01")
        @NotNull UUID leaderId,
        @Schema(description = "Person the series is for (e.g. the direct report); owns the agenda.", example = "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12")
        @NotNull UUID companionId,
        @Schema(example = "MANAGER_REPORT") @NotNull Relationship relationship,
        @Schema(example = "WEEKLY") @NotNull Cadence cadence,
        @Schema(description = "Planned length of each meeting; 30 when left out.", example = "30")
        @Min(5) @Max(240) Integer plannedMinutes,
        @Schema(description = "IANA time zone the meetings are planned in.", example = "Europe/Berlin")
        @NotBlank @Size(max = 64) String timeZone,
        @Schema(description = "First day of the series; today in its time zone when left out.", example = "2026-11-23")
        LocalDate startsOn,
        @Schema(description = "Usual weekday of the meetings, used to schedule the next one.", example = "TUESDAY")
        DayOfWeek preferredWeekday,
        @Schema(description = "Usual start time, in the series' time zone.", example = "10:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
        LocalTime preferredTime) {
}
