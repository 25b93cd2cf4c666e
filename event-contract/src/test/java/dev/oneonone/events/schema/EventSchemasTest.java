package dev.oneonone.events.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TemplateApplied;
import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.events.insights.SeriesHealthChanged;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;

/** The payload schemas describe what Jackson really writes, null fields and java.time included. */
class EventSchemasTest {
    /** As the services write events: Quarkus' ObjectMapper writes java.time as ISO strings and keeps nulls. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final RecordContract MEETINGS = RecordContract.of(Publisher.MEETINGS);

    @Test
    void payloads_as_jackson_writes_them_match_their_schemas() {
        SeriesStarted started = new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Relationship.MENTOR_MENTEE, Cadence.BIWEEKLY, 45, "Europe/Berlin", LocalDate.parse("2026-11-23"),
                DayOfWeek.TUESDAY, LocalTime.of(9, 0));
        SeriesStarted withoutSlot = new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Relationship.PEER, Cadence.WEEKLY, 30, "UTC", LocalDate.parse("2026-11-23"), null, null);
        SeriesStarted oddSecond = new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Relationship.PEER, Cadence.WEEKLY, 30, "UTC", LocalDate.parse("2026-11-23"), DayOfWeek.MONDAY,
                LocalTime.of(23, 59, 59, 500_000_000));
        assertEquals("\"09:00:00\"", JSON.valueToTree(started).path("preferredTime").toString());

        assertEquals(List.of(), violations(started));
        assertEquals(List.of(), violations(withoutSlot));
        assertEquals(List.of(), violations(oddSecond));
        assertEquals(List.of(), violations(new MeetingScheduled(UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2026-11-24T09:00:00.123Z"), 30, true)));
        assertEquals(List.of(), violations(new CadenceChanged(UUID.randomUUID(), Cadence.DAILY, Cadence.WEEKLY, null)));
        assertEquals(List.of(), violations(new PersonRegistered(UUID.randomUUID(), null, null, null)));
        RecordContract agenda = RecordContract.of(Publisher.AGENDA);
        assertEquals(List.of(), agenda.payloadViolations("TemplateApplied", JSON.valueToTree(new TemplateApplied(
                UUID.randomUUID(), UUID.randomUUID(), true, List.of(), null)).toString()));
        assertEquals(List.of(), agenda.payloadViolations("AgreementDueDateChanged", JSON.valueToTree(
                new AgreementDueDateChanged(UUID.randomUUID(), UUID.randomUUID(), null, null)).toString()));
        assertEquals(List.of(), RecordContract.of(Publisher.INSIGHTS).payloadViolations("SeriesHealthChanged",
                JSON.valueToTree(new SeriesHealthChanged(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                        Health.OVERDUE, 30, LocalDate.parse("2026-11-23"), List.of(Recommendation.GAP_OVER_TWO_WEEKS)))
                        .toString()));
    }

    @Test
    void a_payload_with_a_missing_field_free_text_or_an_unknown_value_does_not_match() {
        ObjectNode started = JSON.valueToTree(new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Relationship.PEER, Cadence.WEEKLY, 30, "UTC", LocalDate.parse("2026-11-23"), null, null));
        started.remove("cadence");
        started.put("notes", "what was said");
        started.put("relationship", "FRIENDS");

        assertEquals(3, MEETINGS.payloadViolations("SeriesStarted", started.toString()).size());
    }

    @Test
    void formats_are_asserted_dates_beyond_rfc_3339_and_times_with_an_offset_fail() {
        ObjectNode started = JSON.valueToTree(new SeriesStarted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Relationship.PEER, Cadence.WEEKLY, 30, "UTC", LocalDate.parse("2026-11-23"),
                DayOfWeek.MONDAY, LocalTime.of(9, 0)));
        started.put("startsOn", "+10000-01-01");
        started.put("preferredTime", "09:00:00Z");
        started.put("seriesId", "not-a-uuid");
        ObjectNode changed = JSON.valueToTree(new CadenceChanged(UUID.randomUUID(), Cadence.DAILY, Cadence.WEEKLY, null));
        changed.put("to", "YEARLY");

        List<String> violations = MEETINGS.payloadViolations("SeriesStarted", started.toString());
        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("startsOn")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("preferredTime")), violations.toString());
        assertEquals(1, MEETINGS.payloadViolations("CadenceChanged", changed.toString()).size());
    }

    @Test
    void a_type_used_twice_is_one_shared_component_and_roles_are_enumerated() {
        ObjectNode components = EventSchemas.components(Publisher.MEETINGS.payloads());
        assertEquals("#/components/schemas/Cadence",
                components.path("CadenceChanged").path("properties").path("to").path("$ref").asText());
        assertEquals("string", components.path("Cadence").path("type").asText());
        assertTrue(components.path("TemplateApplied").isMissingNode());
        assertTrue(EventSchemas.components(Publisher.AGENDA.payloads()).toString()
                .contains(AuthorRole.COMPANION.name()));
    }

    private static List<String> violations(Record payload) {
        return MEETINGS.payloadViolations(payload.getClass().getSimpleName(), JSON.valueToTree(payload).toString());
    }
}
