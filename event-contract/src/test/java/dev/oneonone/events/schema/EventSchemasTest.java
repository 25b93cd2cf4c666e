package dev.oneonone.events.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;

class EventSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void a_payload_as_published_matches_its_schema() {
        SeriesStarted started = new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Relationship.MENTOR_MENTEE, Cadence.BIWEEKLY, 45, "Europe/Berlin", LocalDate.parse("2026-11-23"),
                DayOfWeek.TUESDAY, LocalTime.of(9, 30));
        SeriesStarted withoutSlot = new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Relationship.PEER, Cadence.WEEKLY, 30, "UTC", LocalDate.parse("2026-11-23"), null, null);
        MeetingScheduled scheduled = new MeetingScheduled(UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2026-11-24T09:00:00Z"), 30, true);

        assertEquals(List.of(), errors(started));
        assertEquals(List.of(), errors(withoutSlot));
        assertEquals(List.of(), errors(scheduled));
    }

    @Test
    void a_payload_with_a_missing_field_or_free_text_does_not_match() {
        ObjectNode started = JSON.valueToTree(new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Relationship.PEER, Cadence.WEEKLY, 30, "UTC", LocalDate.parse("2026-11-23"), null, null));
        started.remove("cadence");
        started.put("notes", "what was said");
        started.put("relationship", "FRIENDS");

        assertEquals(3, schema(SeriesStarted.class).validate(started.toString(), InputFormat.JSON).size());
    }

    @Test
    void the_asyncapi_document_names_every_event_type() {
        List<Class<? extends Record>> payloads = new ArrayList<>();
        for (Class<? extends MeetingsEvent> payload : MeetingsEvent.payloadClasses()) {
            payloads.add(payload.asSubclass(Record.class));
        }
        ObjectNode document = AsyncApiDocument.of("meetings-service events", "test", "oneonone.meetings.v1",
                MeetingsEvent.TYPE_PREFIX, payloads);

        assertFalse(payloads.isEmpty());
        for (Class<? extends Record> payload : payloads) {
            JsonNode message = document.path("components").path("messages").path(payload.getSimpleName());
            assertEquals(MeetingsEvent.TYPE_PREFIX + payload.getSimpleName(), message.path("name").asText());
            assertTrue(document.path("components").path("schemas").has(payload.getSimpleName()));
        }
        assertEquals("oneonone.meetings.v1", document.path("channels").path("events").path("address").asText());
    }

    private static List<Error> errors(Record payload) {
        return schema(payload.getClass()).validate(JSON.valueToTree(payload).toString(), InputFormat.JSON);
    }

    private static Schema schema(Class<? extends Record> payload) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(EventSchemas.of(payload).toString());
    }
}
