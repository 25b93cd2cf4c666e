package dev.oneonone.meetings.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of a history import: past series with their meetings and real dates. */
public final class ImportRequests {
    public static final int MAX_SERIES = 500;
    public static final int MAX_MEETINGS = 1000;

    private ImportRequests() {
    }

    public static final String EXAMPLE = """
            {"series":[{"leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01","companionId":"2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12",
              "relationship":"MANAGER_REPORT","cadence":"WEEKLY","timeZone":"Europe/Berlin","startsOn":"2025-01-06",
              "meetings":[
                {"scheduledFor":"2025-01-07T09:00:00Z","heldAt":"2025-01-07T09:03:00Z","actualMinutes":31,"mode":"IN_PERSON"},
                {"scheduledFor":"2025-01-14T09:00:00Z","reschedules":[{"to":"2025-01-15T09:00:00Z","reason":"TRAVEL",
                  "at":"2025-01-10T12:00:00Z"}],"heldAt":"2025-01-15T09:00:00Z","actualMinutes":25,"mode":"REMOTE"},
                {"scheduledFor":"2025-01-21T09:00:00Z","cancelReason":"ILLNESS","cancelledAt":"2025-01-21T07:30:00Z"}]}]}""";

    @Schema(name = "ImportHistory", description = "Past series and their meetings, all or nothing.")
    public record ImportHistoryRequest(
            @NotEmpty @Size(max = MAX_SERIES) List<@Valid @NotNull ImportedSeriesRow> series) {
    }

    @Schema(name = "ImportedSeries", description = "A past or running series with its real dates.")
    public record ImportedSeriesRow(
            @NotNull UUID leaderId,
            @NotNull UUID companionId,
            @Schema(example = "MANAGER_REPORT") @NotNull Relationship relationship,
            @Schema(example = "WEEKLY") @NotNull Cadence cadence,
            @Schema(example = "30") @Min(5) @Max(240) Integer plannedMinutes,
            @Schema(example = "Europe/Berlin") @NotBlank @Size(max = 64) String timeZone,
            @Schema(example = "2025-01-06") @NotNull LocalDate startsOn,
            @Schema(example = "TUESDAY") DayOfWeek preferredWeekday,
            @Schema(example = "10:00", type = SchemaType.STRING) LocalTime preferredTime,
            @Schema(description = "The day it ended; still running when left out.", example = "2025-06-30") LocalDate endedOn,
            @Size(max = MAX_MEETINGS) List<@Valid @NotNull ImportedMeetingRow> meetings) {
    }

    @Schema(name = "ImportedMeeting", description = "A meeting as it was: scheduled, maybe moved, then held or cancelled.")
    public record ImportedMeetingRow(
            @Schema(description = "The start it was first planned for.", example = "2025-01-07T09:00:00Z") @NotNull Instant scheduledFor,
            @Schema(example = "30") @Min(5) @Max(240) Integer plannedMinutes,
            @Schema(description = "When it was put on the calendar; scheduledFor when unknown.") Instant scheduledAt,
            List<@Valid @NotNull ImportedRescheduleRow> reschedules,
            @Schema(description = "When it was held; leave out unless it was.", example = "2025-01-07T09:03:00Z") Instant heldAt,
            @Schema(example = "31") Integer actualMinutes,
            @Schema(example = "IN_PERSON") MeetingMode mode,
            @Schema(description = "Why it was cancelled; leave out unless it was.", example = "ILLNESS") CancelReason cancelReason,
            @Schema(description = "When it was cancelled; its start when unknown.") Instant cancelledAt) {
    }

    @Schema(name = "ImportedReschedule", description = "One move of a meeting.")
    public record ImportedRescheduleRow(
            @Schema(example = "2025-01-15T09:00:00Z") @NotNull Instant to,
            @Schema(example = "TRAVEL") @NotNull RescheduleReason reason,
            @Schema(description = "When it was moved; the start it moved from when unknown.") Instant at) {
    }

    @Schema(name = "ImportResult", description = "The ids of the imported series, in the order sent.")
    public record ImportResult(List<UUID> series) {
    }
}
