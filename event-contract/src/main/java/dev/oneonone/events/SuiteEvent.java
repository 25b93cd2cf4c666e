package dev.oneonone.events;

import java.util.UUID;

/**
 * What every payload of the contract says about itself, whichever service publishes it: the
 * aggregate (stream) it belongs to, the kind of aggregate, and its CloudEvents type. The service
 * kit stores and publishes events through this view alone.
 */
public interface SuiteEvent {
    /** The aggregate (stream) the event belongs to; also the Kafka key. */
    UUID aggregateId();

    /** The kind of aggregate, e.g. {@code series} or {@code agenda}. */
    String aggregateType();

    /** The CloudEvents type, e.g. {@code oneonone.meetings.MeetingScheduled}. */
    String type();
}
