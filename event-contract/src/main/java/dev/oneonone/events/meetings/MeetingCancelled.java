package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.util.UUID;

/**
 * The meeting will not take place. {@code byPersonId} is the person who cancelled it, null when an
 * integration did; {@code byRole} says which side that was.
 */
public record MeetingCancelled(
        UUID seriesId,
        UUID meetingId,
        ActorRole byRole,
        @MayBeAbsent UUID byPersonId,
        CancelReason reason) implements SeriesEvent {
}
