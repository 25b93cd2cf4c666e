package dev.oneonone.kit.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.SuiteEvent;
import dev.oneonone.kit.input.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the contract's payload records into the JSON stored and published, and back. A service
 * names the family it reads with the contract's own look-up, e.g. {@code MeetingsEvent::classOf}. Payloads are
 * read with {@link StrictJson#trustedReader}: fields a newer publisher adds are ignored, and the request rules
 * (strict JSON, text, date range) do not apply to what was already stored or published.
 */
@ApplicationScoped
public class EventJson {
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    /**
     * One reader per payload class, made once: {@code forType} builds a reader and looks its root deserializer up
     * on every call, which was a good part of a replay's decoding time. Readers are immutable and thread-safe.
     */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = StrictJson.trustedReader(mapper);
    }

    public String write(SuiteEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
    }

    /**
     * A stored event's payload.
     *
     * @throws IllegalStateException when the type is unknown to the family or the payload unreadable:
     *                               the store holds only what this service wrote
     */
    public <E> E read(StoredEvent stored, Function<String, Class<? extends E>> classOf) {
        Class<? extends E> payloadClass = classOf.apply(stored.eventType);
        if (payloadClass == null) {
            throw new IllegalStateException("Unknown event type in the store: " + stored.eventType);
        }
        try {
            return readerFor(payloadClass).readValue(stored.payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored " + stored.eventType, e);
        }
    }

    /**
     * A consumed event's payload, or null when this version of the contract does not know its type
     * (a newer publisher): consumers skip what they do not know.
     *
     * @throws IllegalArgumentException when a known type's payload is unreadable
     */
    public <E> E read(EventEnvelope envelope, Function<String, Class<? extends E>> classOf) {
        Class<? extends E> payloadClass = classOf.apply(envelope.type());
        if (payloadClass == null) {
            return null;
        }
        try {
            return readerFor(payloadClass).readValue(envelope.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + envelope.type() + " " + envelope.id(), e);
        }
    }

    private ObjectReader readerFor(Class<?> payloadClass) {
        ObjectReader cached = readers.get(payloadClass);
        return cached != null ? cached : readers.computeIfAbsent(payloadClass, reader::forType);
    }
}
