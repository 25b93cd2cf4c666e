package dev.oneonone.insights.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.meetings.MeetingsEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an envelope of either topic into the contract's payload record, or null for a type this version does not know. */
@ApplicationScoped
public class SuiteEventReader {
    private final ObjectMapper mapper;

    public SuiteEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Object payloadOf(EventEnvelope envelope) {
        Class<?> payloadClass = envelope.type().startsWith(AgendaEvent.TYPE_PREFIX)
                ? AgendaEvent.classOf(envelope.type())
                : MeetingsEvent.classOf(envelope.type());
        if (payloadClass == null) {
            return null;
        }
        try {
            return mapper.readValue(envelope.data(), payloadClass);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + envelope.type() + " " + envelope.id(), e);
        }
    }
}
