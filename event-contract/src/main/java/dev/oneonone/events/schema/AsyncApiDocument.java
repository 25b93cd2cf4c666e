package dev.oneonone.events.schema;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.events.CloudEventHeaders;

/**
 * The AsyncAPI 3.0 document of one service's topic: its messages (one per event type, CloudEvents
 * in Kafka binary mode) with the headers every message carries and each payload's JSON Schema.
 */
public final class AsyncApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {
    }

    /**
     * @param title     e.g. {@code meetings-service events}
     * @param topic     the Kafka topic the service writes
     * @param typePrefix the CloudEvents type prefix, e.g. {@code oneonone.meetings.}
     * @param payloads  the payload records; each message is named after its record
     */
    public static ObjectNode of(String title, String description, String topic, String typePrefix,
            List<Class<? extends Record>> payloads) {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", title);
        info.put("version", "1.0.0");
        info.put("description", description);
        document.put("defaultContentType", "application/json");

        ObjectNode channel = document.putObject("channels").putObject("events");
        channel.put("address", topic);
        channel.put("description", "Keyed by aggregate id (ce_subject): in order per aggregate.");
        ObjectNode channelMessages = channel.putObject("messages");

        ObjectNode operation = document.putObject("operations").putObject("publishEvents");
        operation.put("action", "send");
        operation.putObject("channel").put("$ref", "#/channels/events");
        ArrayNode operationMessages = operation.putArray("messages");

        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventHeaders", headersSchema());
        for (Class<? extends Record> payload : payloads) {
            String name = payload.getSimpleName();
            schemas.set(name, EventSchemas.of(payload));
            ObjectNode message = messages.putObject(name);
            message.put("name", typePrefix + name);
            message.put("title", name);
            message.put("contentType", "application/json");
            message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
            message.putObject("payload").put("$ref", "#/components/schemas/" + name);
            message.putObject("bindings").putObject("kafka").putObject("key")
                    .put("type", "string").put("format", "uuid");
            channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            operationMessages.addObject().put("$ref", "#/channels/events/messages/" + name);
        }
        return document;
    }

    /** The CloudEvents attributes every message carries as Kafka headers. */
    private static ObjectNode headersSchema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        header(properties, CloudEventHeaders.SPEC_VERSION, "CloudEvents version, always 1.0", null);
        header(properties, CloudEventHeaders.ID, "Event id; consumers deduplicate on it", "uuid");
        header(properties, CloudEventHeaders.SOURCE, "The publishing service, e.g. /meetings-service", null);
        header(properties, CloudEventHeaders.TYPE, "Event type, e.g. oneonone.meetings.MeetingScheduled", null);
        header(properties, CloudEventHeaders.TIME, "When it happened in the domain", "date-time");
        header(properties, CloudEventHeaders.SUBJECT, "The aggregate id, also the Kafka key", "uuid");
        header(properties, CloudEventHeaders.ORGANISATION, "The organisation the event belongs to", null);
        header(properties, CloudEventHeaders.AGGREGATE_TYPE, "The kind of aggregate, e.g. series", null);
        header(properties, CloudEventHeaders.AGGREGATE_VERSION, "The aggregate's version after the event", null);
        header(properties, CloudEventHeaders.RECORDED_TIME, "When the service stored the event", "date-time");
        header(properties, CloudEventHeaders.CONTENT_TYPE, "Always application/json", null);
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static void header(ObjectNode properties, String name, String description, String format) {
        ObjectNode header = properties.putObject(name);
        header.put("type", "string");
        header.put("description", description);
        if (format != null) {
            header.put("format", format);
        }
    }
}
