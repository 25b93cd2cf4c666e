package dev.oneonone.meetings.domain.series;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The service notes that a meeting passed without being held or cancelled: its planned end is more
 * than {@code grace} ago. It occurred at the planned end.
 */
public record RecordMeetingMissed(UUID meetingId, Duration grace, Instant now, Instant occurredAt)
        implements SeriesCommand {
    public RecordMeetingMissed {
        occurredAt = occurredAt == null ? now : occurredAt;
    }
}
