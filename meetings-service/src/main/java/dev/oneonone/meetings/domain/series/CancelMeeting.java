package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.util.UUID;

import dev.oneonone.events.meetings.CancelReason;

/** Call a meeting off; {@code byPersonId} is null when an integration cancels it. */
public record CancelMeeting(UUID meetingId, UUID byPersonId, CancelReason reason, Instant now, Instant occurredAt)
        implements SeriesCommand {

    public CancelMeeting {
        occurredAt = occurredAt == null ? now : occurredAt;
    }

    public CancelMeeting(UUID meetingId, UUID byPersonId, CancelReason reason, Instant now) {
        this(meetingId, byPersonId, reason, now, now);
    }
}
