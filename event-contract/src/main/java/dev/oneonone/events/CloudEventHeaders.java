package dev.oneonone.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 in Kafka binary mode: attributes travel as {@code ce_*} headers and the record
 * value is the JSON payload. The suite's own extension attributes carry the organisation and the
 * aggregate so that consumers never have to parse the payload to route or deduplicate.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension: the organisation the event belongs to. */
    public static final String ORGANISATION = "ce_organisation";
    /** Extension: the kind of aggregate the subject names, e.g. {@code series}. */
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";
    /** Extension: the aggregate's version after this event (1 for its first event). */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    /** Extension: when the service stored the event; {@code ce_time} is when it happened. */
    public static final String RECORDED_TIME = "ce_recordedtime";

    private CloudEventHeaders() {
    }

    public static void write(EventEnvelope event, Headers headers) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.id().toString());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        put(headers, TIME, event.occurredAt().toString());
        put(headers, SUBJECT, event.aggregateId().toString());
        put(headers, CONTENT_TYPE, "application/json");
        put(headers, ORGANISATION, event.organisationId());
        put(headers, AGGREGATE_TYPE, event.aggregateType());
        put(headers, AGGREGATE_VERSION, Long.toString(event.aggregateVersion()));
        put(headers, RECORDED_TIME, event.recordedAt().toString());
    }

    /** Reads an envelope back from a record's headers and JSON value. */
    public static EventEnvelope read(Headers headers, String value) {
        return new EventEnvelope(
                UUID.fromString(required(headers, ID)),
                required(headers, TYPE),
                required(headers, SOURCE),
                required(headers, ORGANISATION),
                required(headers, AGGREGATE_TYPE),
                UUID.fromString(required(headers, SUBJECT)),
                Long.parseLong(required(headers, AGGREGATE_VERSION)),
                Instant.parse(required(headers, TIME)),
                Instant.parse(required(headers, RECORDED_TIME)),
                value);
    }

    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("Not a suite CloudEvent: header " + name + " is missing");
        }
        return value;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
