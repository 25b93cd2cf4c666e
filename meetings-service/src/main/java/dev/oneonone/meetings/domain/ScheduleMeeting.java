package dev.oneonone.meetings.domain;

import java.time.Instant;
import java.util.UUID;

/** Put the next meeting of a series on the calendar. */
public record ScheduleMeeting(UUID meetingId, Instant scheduledFor, Integer plannedMinutes, Instant now) {
}
