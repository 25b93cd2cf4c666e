package dev.oneonone.events.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import dev.oneonone.events.CloudEventHeaders;

/**
 * Checks Kafka records and message examples against an AsyncAPI 3.0 document with networknt's JSON Schema
 * validator (draft 2020-12, formats asserted): a record's {@code ce_type} names its message (the message whose
 * {@code name} it is), its headers must match the message's headers schema, its value the payload schema, and its
 * key the aggregate id in {@code ce_subject}. A record whose type the document does not know fails.
 *
 * <p>The document is loaded as one schema resource, so a {@code $ref} such as {@code #/components/schemas/Cadence}
 * resolves against the document's root, as AsyncAPI tools resolve it.
 */
public final class RecordContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_IRI = "urn:oneonone:asyncapi";

    private final JsonNode document;
    private final SchemaRegistry registry;

    /** @param asyncApiDocument the document as JSON, e.g. the body of a service's {@code GET /asyncapi} */
    public RecordContract(String asyncApiDocument) {
        try {
            this.document = JSON.readTree(asyncApiDocument);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON document", e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, asyncApiDocument)).schemaRegistryConfig(config));
    }

    /** The document of a publisher as the services build it, for tests that have no service to ask. */
    public static RecordContract of(Publisher publisher) {
        return new RecordContract(AsyncApiDocument.of(publisher, AsyncApiDocument.LOCAL_KAFKA).toString());
    }

    /**
     * @throws AssertionError listing every violation, when the record breaks the contract
     */
    public void check(ConsumerRecord<String, String> record) {
        List<String> violations = violations(record);
        if (!violations.isEmpty()) {
            throw new AssertionError("Record " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " breaks the AsyncAPI contract: " + violations);
        }
    }

    /** Every way the record breaks the contract; empty when it keeps it. */
    public List<String> violations(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        String message = messageOf(type);
        if (message == null) {
            return List.of("the document has no message named " + type + " (ce_type)");
        }
        List<String> violations = new ArrayList<>(violations(message, headers(record).toString(), record.value()));
        String subject = CloudEventHeaders.get(record.headers(), CloudEventHeaders.SUBJECT);
        if (record.key() == null || !record.key().equals(subject)) {
            violations.add("key " + record.key() + " is not the aggregate id in ce_subject " + subject);
        }
        return violations;
    }

    /**
     * Every way a message's headers and payload break the schemas of the document's message {@code message} (its
     * key under {@code components/messages}).
     */
    public List<String> violations(String message, String headersJson, String payloadJson) {
        List<String> violations = new ArrayList<>();
        validate("#/components/messages/" + message + "/headers", headersJson, "headers", violations);
        violations.addAll(payloadViolations(message, payloadJson));
        return violations;
    }

    /** Every way a payload breaks the payload schema of the document's message {@code message}. */
    public List<String> payloadViolations(String message, String payloadJson) {
        List<String> violations = new ArrayList<>();
        validate("#/components/messages/" + message + "/payload", payloadJson, "payload", violations);
        return violations;
    }

    /** The keys of the document's messages under {@code components/messages}. */
    public List<String> messages() {
        List<String> names = new ArrayList<>();
        document.path("components").path("messages").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The key under {@code components/messages} of the message named {@code type}, or null. */
    private String messageOf(String type) {
        Iterator<Map.Entry<String, JsonNode>> messages = document.path("components").path("messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> message = messages.next();
            if (message.getValue().path("name").asText().equals(type)) {
                return message.getKey();
            }
        }
        return null;
    }

    private void validate(String pointer, String instance, String part, List<String> violations) {
        if (document.at(pointer.substring(1)).isMissingNode()) {
            violations.add("the document has no " + pointer);
            return;
        }
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + pointer));
        for (Error error : schema.validate(instance, InputFormat.JSON)) {
            violations.add(part + ": " + error);
        }
    }

    private static ObjectNode headers(ConsumerRecord<String, String> record) {
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
