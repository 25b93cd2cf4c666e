package dev.oneonone.events.schema;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.SuiteEvent;

/**
 * One example message per payload record: a payload built from the record itself with made-up values, written by
 * Jackson as the services write it (java.time as ISO strings, nulls kept), and the CloudEvents headers that go with
 * it. Ids are derived from the field name, so that {@code seriesId} is the same id in every example.
 */
final class MessageExamples {
    /** Written as the services' ObjectMapper writes events (Quarkus' defaults: ISO strings for java.time). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-02");
    private static final Instant OCCURRED_AT = Instant.parse("2026-03-02T09:00:00Z");

    private MessageExamples() {
    }

    /** The payload of one example event, as JSON. */
    static ObjectNode payload(Class<? extends Record> payload) {
        return JSON.valueToTree(instance(payload));
    }

    /** The headers of the example event of {@code payload}, published by {@code publisher}. */
    static ObjectNode headers(Publisher publisher, Class<? extends Record> payload) {
        SuiteEvent event = (SuiteEvent) instance(payload);
        ObjectNode headers = JSON.createObjectNode();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, id("event:" + payload.getSimpleName(), 0).toString());
        headers.put(CloudEventHeaders.SOURCE, "/" + publisher.service());
        headers.put(CloudEventHeaders.TYPE, event.type());
        headers.put(CloudEventHeaders.TIME, OCCURRED_AT.toString());
        headers.put(CloudEventHeaders.SUBJECT, event.aggregateId().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        headers.put(CloudEventHeaders.ORGANISATION, "acme");
        headers.put(CloudEventHeaders.AGGREGATE_TYPE, event.aggregateType());
        headers.put(CloudEventHeaders.AGGREGATE_VERSION, "1");
        headers.put(CloudEventHeaders.RECORDED_TIME, OCCURRED_AT.plusMillis(1250).toString());
        return headers;
    }

    /** The record with a made-up value for every component; the n-th date or instant is n days after the first. */
    private static Record instance(Class<? extends Record> payload) {
        RecordComponent[] components = payload.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType(), i);
        }
        try {
            Constructor<? extends Record> canonical = payload.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("No example for " + payload.getSimpleName() + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No example for " + payload.getSimpleName(), e);
        }
    }

    private static Object value(String name, Type type, int position) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            return List.of(element(name, element, position, 1), element(name, element, position, 2));
        }
        return element(name, type, position, 0);
    }

    private static Object element(String name, Type type, int position, int index) {
        if (type == UUID.class) {
            return id(name, index);
        }
        if (type == LocalDate.class) {
            return FIRST_DAY.plusDays(position);
        }
        if (type == Instant.class) {
            return OCCURRED_AT.plusSeconds(86_400L * position);
        }
        if (type == LocalTime.class) {
            return LocalTime.of(9, 30);
        }
        if (type == int.class || type == Integer.class) {
            return name.endsWith("Minutes") ? 30 : 1;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == String.class) {
            return switch (name) {
                case "timeZone" -> "Europe/Berlin";
                case "team" -> "platform";
                case "department" -> "engineering";
                default -> name;
            };
        }
        if (type instanceof Class<?> enumType && enumType.isEnum()) {
            return enumType.getEnumConstants()[0];
        }
        throw new IllegalStateException("No example value for " + type.getTypeName() + " " + name);
    }

    private static UUID id(String name, int index) {
        return UUID.nameUUIDFromBytes(("example:" + name + ":" + index).getBytes(StandardCharsets.UTF_8));
    }
}
