package dev.oneonone.events.meetings;

import java.time.Instant;
import java.util.UUID;

/** The meeting took place at {@code heldAt} and lasted {@code actualMinutes}. */
public record MeetingHeld(
        UUID seriesId,
        UUID meetingId,
        Instant heldAt,
        int actualMinutes,
        MeetingMode mode) implements SeriesEvent {
}
