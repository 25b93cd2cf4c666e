package dev.oneonone.events.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.events.CloudEventHeaders;

/**
 * The AsyncAPI 3.0 document of one service's topic: the Kafka server, the channel with its Kafka binding, and one
 * message per event type (CloudEvents in Kafka binary mode) with the headers every message carries, the payload's
 * JSON Schema, the Kafka key and an example. Self-contained: every {@code $ref} points into the document itself
 * (checked by {@code AsyncApiDocumentTest} and by {@code @asyncapi/parser}).
 */
public final class AsyncApiDocument {
    /** Where the local run's broker listens (deploy/local); the document's server unless configured otherwise. */
    public static final String LOCAL_KAFKA = "localhost:19092";
    /** The version of the AsyncAPI Kafka bindings used. */
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {
    }

    /**
     * The channel's id, unique across the suite's three documents (e.g. {@code meetingsEvents}), so that code
     * generated from several of them into one namespace does not clash.
     */
    public static String channelId(Publisher publisher) {
        return publisher.name().toLowerCase(java.util.Locale.ROOT) + "Events";
    }

    /** The operation's id, unique across the suite's three documents (e.g. {@code publishMeetingsEvents}). */
    public static String operationId(Publisher publisher) {
        String channel = channelId(publisher);
        return "publish" + Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
    }

    /**
     * @param publisher the service and its topic
     * @param kafkaHost the broker named in {@code servers}, {@code host:port}, e.g. {@link #LOCAL_KAFKA}
     */
    public static ObjectNode of(Publisher publisher, String kafkaHost) {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", publisher.service() + " events");
        info.put("version", "1.0.0");
        info.put("description", publisher.description());
        document.put("defaultContentType", "application/json");

        ObjectNode server = document.putObject("servers").putObject("kafka");
        server.put("host", kafkaHost);
        server.put("protocol", "kafka");
        server.put("description", "The broker of the local run (deploy/local, localhost:19092 by default); "
                + "elsewhere the broker is configuration (kafka.bootstrap.servers), so ask the suite's operators.");

        String channelId = channelId(publisher);
        ObjectNode channel = document.putObject("channels").putObject(channelId);
        channel.put("address", publisher.topic());
        channel.put("description", "Keyed by aggregate id (ce_subject): in order per aggregate. An aggregate's version "
                + "counts within its service: order and deduplicate across topics by (ce_source, ce_aggregatetype, "
                + "ce_subject, ce_aggregateversion), or by ce_id. insights-service's series health has the subject and "
                + "aggregate type of meetings-service's series, with versions of its own.");
        ObjectNode channelMessages = channel.putObject("messages");
        channel.putObject("bindings").putObject("kafka").put("topic", publisher.topic())
                .put("bindingVersion", KAFKA_BINDING_VERSION);

        ObjectNode operation = document.putObject("operations").putObject(operationId(publisher));
        operation.put("action", "send");
        operation.put("summary", publisher.service() + " publishes every event it records, through its outbox.");
        operation.putObject("channel").put("$ref", "#/channels/" + channelId);
        ArrayNode operationMessages = operation.putArray("messages");

        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventHeaders", headersSchema(publisher));
        schemas.setAll(EventSchemas.components(publisher.payloads()));
        ObjectNode messages = components.putObject("messages");
        for (Class<? extends Record> payload : publisher.payloads()) {
            String name = payload.getSimpleName();
            messages.set(name, message(publisher, payload));
            channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            operationMessages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + name);
        }
        return document;
    }

    private static ObjectNode message(Publisher publisher, Class<? extends Record> payload) {
        String name = payload.getSimpleName();
        ObjectNode message = JSON.createObjectNode();
        message.put("name", publisher.typePrefix() + name);
        message.put("title", name);
        message.put("contentType", "application/json");
        message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
        message.putObject("payload").put("$ref", "#/components/schemas/" + name);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("format", "uuid")
                .put("description", "The aggregate id, as in ce_subject");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", name);
        example.put("summary", "A " + name + " event as published");
        example.set("headers", MessageExamples.headers(publisher, payload));
        example.set("payload", MessageExamples.payload(payload));
        return message;
    }

    /** The CloudEvents attributes every message carries as Kafka headers; other headers (tracing) may come along. */
    private static ObjectNode headersSchema(Publisher publisher) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        header(properties, CloudEventHeaders.SPEC_VERSION, "CloudEvents version, always 1.0").putArray("enum").add("1.0");
        header(properties, CloudEventHeaders.ID, "Event id; consumers deduplicate on it").put("format", "uuid");
        header(properties, CloudEventHeaders.SOURCE, "The publishing service").putArray("enum")
                .add("/" + publisher.service());
        header(properties, CloudEventHeaders.TYPE, "Event type: " + publisher.typePrefix() + "<message title>")
                .put("pattern", "^" + publisher.typePrefix().replace(".", "\\.") + "[A-Z][A-Za-z]+$");
        header(properties, CloudEventHeaders.TIME, "When it happened in the domain (UTC)").put("format", "date-time");
        header(properties, CloudEventHeaders.SUBJECT, "The aggregate id, also the Kafka key").put("format", "uuid");
        header(properties, CloudEventHeaders.ORGANISATION, "The organisation the event belongs to").put("minLength", 1);
        header(properties, CloudEventHeaders.AGGREGATE_TYPE, "The kind of aggregate, e.g. series").put("minLength", 1);
        header(properties, CloudEventHeaders.AGGREGATE_VERSION, "The aggregate's version after the event: 1, 2, ..., "
                + "counted by the publishing service (the key is ce_source, ce_aggregatetype, ce_subject and this)")
                .put("pattern", "^[1-9][0-9]*$");
        header(properties, CloudEventHeaders.RECORDED_TIME, "When the service stored the event (UTC)")
                .put("format", "date-time");
        header(properties, CloudEventHeaders.CONTENT_TYPE, "The payload's media type").putArray("enum")
                .add("application/json");
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static ObjectNode header(ObjectNode properties, String name, String description) {
        ObjectNode header = properties.putObject(name);
        header.put("type", "string");
        header.put("description", description);
        return header;
    }
}
