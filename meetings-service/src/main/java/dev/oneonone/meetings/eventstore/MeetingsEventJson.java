package dev.oneonone.meetings.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.meetings.MeetingsEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns event payloads into the JSON stored and published, and back. */
@ApplicationScoped
public class MeetingsEventJson {
    private final ObjectMapper mapper;

    public MeetingsEventJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(MeetingsEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
    }

    public MeetingsEvent read(String type, String payload) {
        Class<? extends MeetingsEvent> payloadClass = MeetingsEvent.classOf(type);
        if (payloadClass == null) {
            throw new IllegalStateException("Unknown event type in the store: " + type);
        }
        try {
            return mapper.readValue(payload, payloadClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored " + type, e);
        }
    }

    public MeetingsEvent read(StoredEvent stored) {
        return read(stored.eventType, stored.payload);
    }
}
