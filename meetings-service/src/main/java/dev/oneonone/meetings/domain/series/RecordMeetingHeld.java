package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.util.UUID;

import dev.oneonone.events.meetings.MeetingMode;

/** The meeting took place at {@code heldAt}, which is also when the event occurred (recorded now or later). */
public record RecordMeetingHeld(UUID meetingId, Instant heldAt, Integer actualMinutes, MeetingMode mode, Instant now)
        implements SeriesCommand {
    @Override
    public Instant occurredAt() {
        return heldAt == null ? now : heldAt;
    }
}
