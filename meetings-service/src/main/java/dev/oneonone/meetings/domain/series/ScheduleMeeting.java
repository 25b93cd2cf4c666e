package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.util.UUID;

/** Put a meeting of a series on the calendar. */
public record ScheduleMeeting(UUID meetingId, Instant scheduledFor, Integer plannedMinutes, Instant now,
        Instant occurredAt) implements SeriesCommand {

    public ScheduleMeeting {
        occurredAt = occurredAt == null ? now : occurredAt;
    }

    public ScheduleMeeting(UUID meetingId, Instant scheduledFor, Integer plannedMinutes, Instant now) {
        this(meetingId, scheduledFor, plannedMinutes, now, now);
    }
}
