package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.util.UUID;

import dev.oneonone.events.meetings.RescheduleReason;

/** Move a meeting to another start; {@code byPersonId} is null when an integration moves it. */
public record RescheduleMeeting(UUID meetingId, Instant to, UUID byPersonId, RescheduleReason reason, Instant now,
        Instant occurredAt) implements SeriesCommand {

    public RescheduleMeeting {
        occurredAt = occurredAt == null ? now : occurredAt;
    }

    public RescheduleMeeting(UUID meetingId, Instant to, UUID byPersonId, RescheduleReason reason, Instant now) {
        this(meetingId, to, byPersonId, reason, now, now);
    }
}
