package dev.oneonone.events.meetings;

import java.time.Instant;
import java.util.UUID;

/** A meeting of the series was put on the calendar. */
public record MeetingScheduled(
        UUID seriesId,
        UUID meetingId,
        Instant scheduledFor,
        int plannedMinutes,
        boolean firstOfSeries) implements SeriesEvent {
}
