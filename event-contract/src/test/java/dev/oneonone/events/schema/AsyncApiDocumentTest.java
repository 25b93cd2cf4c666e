package dev.oneonone.events.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The three services' AsyncAPI documents are self-contained and their examples keep their own schemas. Each
 * document is also written to {@code target/asyncapi/<service>-asyncapi.json}, for {@code @asyncapi/parser}.
 */
class AsyncApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Publisher.class)
    void every_ref_resolves_inside_the_document(Publisher publisher) throws IOException {
        ObjectNode document = AsyncApiDocument.of(publisher, AsyncApiDocument.LOCAL_KAFKA);
        Path file = Path.of("target", "asyncapi", publisher.service() + "-asyncapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document.toPrettyString(), StandardCharsets.UTF_8);

        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), "a local ref: " + ref);
            assertFalse(document.at(ref.substring(1)).isMissingNode(), ref + " resolves in " + publisher.service());
        }
    }

    @ParameterizedTest
    @EnumSource(Publisher.class)
    void every_message_has_an_example_that_matches_its_headers_and_payload_schemas(Publisher publisher) {
        ObjectNode document = AsyncApiDocument.of(publisher, AsyncApiDocument.LOCAL_KAFKA);
        RecordContract contract = new RecordContract(document.toString());
        JsonNode messages = document.path("components").path("messages");
        assertEquals(publisher.payloads().size(), messages.size());
        for (String name : contract.messages()) {
            JsonNode examples = messages.path(name).path("examples");
            assertEquals(1, examples.size(), name + " has one example");
            JsonNode example = examples.get(0);
            assertEquals(List.of(), contract.violations(name, example.path("headers").toString(),
                    example.path("payload").toString()), name);
            assertEquals(messages.path(name).path("name").asText(), example.path("headers").path("ce_type").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(Publisher.class)
    void the_document_names_the_kafka_server_topic_key_and_every_event_type(Publisher publisher) {
        ObjectNode document = AsyncApiDocument.of(publisher, "broker.example:9092");

        JsonNode server = document.path("servers").path("kafka");
        assertEquals("kafka", server.path("protocol").asText());
        assertEquals("broker.example:9092", server.path("host").asText());
        JsonNode channel = document.path("channels").path(AsyncApiDocument.channelId(publisher));
        assertEquals("#/channels/" + AsyncApiDocument.channelId(publisher), document.path("operations")
                .path(AsyncApiDocument.operationId(publisher)).path("channel").path("$ref").asText());
        assertEquals(publisher.topic(), channel.path("address").asText());
        assertEquals(publisher.topic(), channel.path("bindings").path("kafka").path("topic").asText());
        TreeSet<String> types = new TreeSet<>();
        for (Class<? extends Record> payload : publisher.payloads()) {
            JsonNode message = document.path("components").path("messages").path(payload.getSimpleName());
            types.add(message.path("name").asText());
            assertEquals("uuid", message.path("bindings").path("kafka").path("key").path("format").asText());
            assertTrue(channel.path("messages").has(payload.getSimpleName()));
        }
        assertEquals(publisher.payloads().size(), types.size());
        assertTrue(types.stream().allMatch(type -> type.startsWith(publisher.typePrefix())), types.toString());
    }

    @Test
    void channel_and_operation_ids_are_unique_across_the_three_documents() {
        TreeSet<String> ids = new TreeSet<>();
        for (Publisher publisher : Publisher.values()) {
            ObjectNode document = AsyncApiDocument.of(publisher, AsyncApiDocument.LOCAL_KAFKA);
            document.path("channels").fieldNames().forEachRemaining(ids::add);
            document.path("operations").fieldNames().forEachRemaining(ids::add);
        }
        assertEquals(2 * Publisher.values().length, ids.size(), "distinct ids: " + ids);
    }

    @Test
    void a_record_of_an_unknown_type_or_with_a_key_other_than_its_subject_breaks_the_contract() {
        RecordContract contract = RecordContract.of(Publisher.MEETINGS);
        JsonNode example = AsyncApiDocument.of(Publisher.MEETINGS, AsyncApiDocument.LOCAL_KAFKA)
                .path("components").path("messages").path("SeriesStarted").path("examples").get(0);
        String subject = example.path("headers").path("ce_subject").asText();

        assertEquals(List.of(), contract.violations(record(subject, example.path("headers"), example.path("payload"))));
        ObjectNode unknown = example.path("headers").deepCopy();
        unknown.put("ce_type", "oneonone.meetings.SeriesRenamed");
        assertEquals(1, contract.violations(record(subject, unknown, example.path("payload"))).size());
        assertEquals(1, contract.violations(record("another-key", example.path("headers"), example.path("payload")))
                .size());
        ObjectNode noVersion = example.path("headers").deepCopy();
        noVersion.remove("ce_aggregateversion");
        AssertionError broken = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> contract.check(record(subject, noVersion, example.path("payload"))));
        assertTrue(broken.getMessage().contains("ce_aggregateversion"), broken.getMessage());
    }

    private static ConsumerRecord<String, String> record(String key, JsonNode headers, JsonNode payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("oneonone.meetings.v1", 0, 0L, key,
                payload.toString());
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            record.headers().add(header.getKey(), header.getValue().asText().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }
}
