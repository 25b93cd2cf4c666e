package dev.oneonone.events.meetings;

import java.time.Instant;
import java.util.UUID;

/** The meeting planned for {@code scheduledFor} passed without being held or cancelled. */
public record MeetingMissed(
        UUID seriesId,
        UUID meetingId,
        Instant scheduledFor) implements SeriesEvent {
}
