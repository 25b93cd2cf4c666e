package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.Instant;
import java.util.UUID;

/**
 * A meeting moved from one start to another; rescheduling is not cancelling. {@code byPersonId} is
 * the person who moved it, null when an integration did; {@code byRole} says which side that was.
 */
public record MeetingRescheduled(
        UUID seriesId,
        UUID meetingId,
        Instant from,
        Instant to,
        ActorRole byRole,
        @MayBeAbsent UUID byPersonId,
        RescheduleReason reason) implements SeriesEvent {
}
