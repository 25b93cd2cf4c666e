package dev.oneonone.meetings.messaging;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.PeopleApi.changeManager;
import static dev.oneonone.meetings.rest.PeopleApi.endEmployment;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static dev.oneonone.meetings.rest.PeopleApi.registerPersonOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PersonEventsPublishedTest {
    private static final String ORG = "people-relay";

    @Test
    void person_events_reach_kafka_keyed_by_person_without_name_or_email() throws Exception {
        UUID first = registerPerson(ORG, null);
        UUID second = registerPerson(ORG, null);
        UUID person = registerPerson(ORG, first);
        changeManager(ORG, person, second).statusCode(200);
        as(ORG).body(Map.of("lastDay", "2026-12-31")).post("/people/{id}/employment-end", person).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = PublishedEvents.ofAggregate(person, 3, Duration.ofSeconds(30));

        assertEquals(3, records.size());
        List<EventEnvelope> events = records.stream().map(PublishedEvents::envelope).toList();
        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.ReportingLineChanged",
                "oneonone.meetings.EmploymentEnded"), events.stream().map(EventEnvelope::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(EventEnvelope::aggregateVersion).toList());
        ObjectMapper mapper = new ObjectMapper();
        for (EventEnvelope event : events) {
            assertEquals("person", event.aggregateType());
            assertEquals(ORG, event.organisationId());
            JsonNode payload = mapper.readTree(event.data());
            assertEquals(person.toString(), payload.path("personId").asText());
            assertFalse(payload.has("name") || payload.has("email"), event.data());
            assertFalse(event.data().contains("@people.example") || event.data().contains("Person "), event.data());
        }
        JsonNode changed = mapper.readTree(events.get(1).data());
        assertEquals(first.toString(), changed.path("previousManagerId").asText());
        assertEquals(second.toString(), changed.path("managerId").asText());
        assertEquals("2026-12-31", mapper.readTree(events.get(2).data()).path("lastDay").asText());
    }

    @Test
    void ce_time_is_the_start_of_the_effective_day_and_ce_recordedtime_now() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate joined = today.minusDays(60);
        LocalDate moved = today.minusDays(30);
        LocalDate lastDay = today.plusDays(10);
        UUID first = registerPersonOn(ORG, UUID.randomUUID(), null, joined);
        UUID second = registerPersonOn(ORG, UUID.randomUUID(), null, joined);
        UUID person = registerPersonOn(ORG, UUID.randomUUID(), first, joined);
        Map<String, Object> change = person(person, second);
        change.remove("id");
        change.put("effectiveOn", moved.toString());
        as(ORG).body(change).put("/people/{id}", person).then().statusCode(200);
        endEmployment(ORG, person, lastDay).statusCode(200);
        Instant recorded = Instant.now();

        List<EventEnvelope> events = PublishedEvents.ofAggregate(person, 3, Duration.ofSeconds(30)).stream()
                .map(PublishedEvents::envelope).toList();

        assertEquals(List.of(startOf(joined), startOf(moved), startOf(lastDay.plusDays(1))),
                events.stream().map(EventEnvelope::occurredAt).toList());
        for (EventEnvelope event : events) {
            assertTrue(Duration.between(event.recordedAt(), recorded).abs().compareTo(Duration.ofMinutes(1)) < 0,
                    event.recordedAt().toString());
        }
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(joined.toString(), mapper.readTree(events.get(0).data()).path("effectiveOn").asText());
        assertEquals(moved.toString(), mapper.readTree(events.get(1).data()).path("effectiveOn").asText());
        assertEquals(lastDay.toString(), mapper.readTree(events.get(2).data()).path("lastDay").asText());
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
