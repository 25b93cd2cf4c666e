package dev.oneonone.agenda.domain;

import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.domain.Agenda.AgendaTopic;

/**
 * What moves when a meeting ends: after it is held, the topics left undiscussed; after it is cancelled
 * or missed, every topic. They go to the series' next scheduled meeting, or wait for one.
 */
public final class CarryOver {
    public static final String TOPIC_CARRIED_OVER = "topic-carried-over";

    /** How a meeting ended, as far as carry-over cares. */
    public enum Outcome {
        HELD,
        CANCELLED,
        MISSED
    }

    private CarryOver() {
    }

    /** The topics of {@code source} that leave it because the meeting ended so. */
    public static List<AgendaTopic> leaving(Agenda source, Outcome outcome) {
        return source.topics().stream()
                .filter(topic -> outcome != Outcome.HELD || !topic.discussed())
                .toList();
    }

    /** The events that put the leaving topics of {@code source} on {@code destination}'s agenda. */
    public static Decision carry(Agenda source, Outcome outcome, UUID seriesId, Agenda destination,
            String destinationStatus) {
        return destination.receiveCarried(source.meetingId(), seriesId, leaving(source, outcome), destinationStatus);
    }
}
