package dev.oneonone.insights.projection;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.SuiteEvent;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.kit.eventstore.EventJson;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an envelope of either topic the projections follow (meetings and agenda) into the contract's
 * payload record, or null for a type this version does not know. Used by the consumer and by the replay.
 */
@ApplicationScoped
public class SuiteEventReader {
    private final EventJson json;

    public SuiteEventReader(EventJson json) {
        this.json = json;
    }

    /** @throws IllegalArgumentException when a known type's payload is unreadable */
    public SuiteEvent payloadOf(EventEnvelope envelope) {
        return json.read(envelope, SuiteEventReader::classOf);
    }

    /** The contract's payload class of a type of either topic, or null for a type this version does not know. */
    public static Class<? extends SuiteEvent> classOf(String type) {
        return type.startsWith(AgendaEvent.TYPE_PREFIX) ? AgendaEvent.classOf(type) : MeetingsEvent.classOf(type);
    }
}
