package dev.oneonone.agenda.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.agenda.AgendaEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns agenda event payloads into the JSON stored and published, and back. */
@ApplicationScoped
public class AgendaEventJson {
    private final ObjectMapper mapper;

    public AgendaEventJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(AgendaEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
    }

    public AgendaEvent read(StoredEvent stored) {
        Class<? extends AgendaEvent> payloadClass = AgendaEvent.classOf(stored.eventType);
        if (payloadClass == null) {
            throw new IllegalStateException("Unknown event type in the store: " + stored.eventType);
        }
        try {
            return mapper.readValue(stored.payload, payloadClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored " + stored.eventType, e);
        }
    }
}
