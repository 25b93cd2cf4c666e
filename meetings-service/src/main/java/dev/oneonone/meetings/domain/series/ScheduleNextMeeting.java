package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.util.UUID;

/** Put the next meeting on the calendar at the slot the cadence and the preferred weekday and time give. */
public record ScheduleNextMeeting(UUID meetingId, Instant now) implements SeriesCommand {
    @Override
    public Instant occurredAt() {
        return now;
    }
}
