package dev.oneonone.meetings.messaging;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.meetings.application.series.MissedMeetingSweep;
import dev.oneonone.meetings.rest.MeetingsApi;
import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The events this service really emits match the AsyncAPI document and JSON Schemas it serves. */
@QuarkusTest
class EventContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "contract-org";

    @Inject
    MissedMeetingSweep sweep;

    @Test
    void every_emitted_event_matches_the_served_contract() throws Exception {
        JsonNode document = JSON.readTree(given().get("/asyncapi").then().statusCode(200).extract().asString());
        // a webhook endpoint that refuses every connection: disabled after the failure budget, for WebhookEndpointDisabled
        UUID endpoint = UUID.fromString(as(ORG).body(Map.of("url", "http://127.0.0.1:9/contract",
                "eventTypes", List.of("oneonone.meetings.SeriesStarted"))).post("/webhooks/endpoints").then()
                .statusCode(201).extract().path("endpoint.id"));
        // with a preferred slot: LocalTime travels as "09:00:00", which format: time (offset required) would refuse
        Map<String, Object> slotted = new java.util.HashMap<>(MeetingsApi.weeklySeries(UUID.randomUUID(), UUID.randomUUID()));
        slotted.put("preferredWeekday", "TUESDAY");
        slotted.put("preferredTime", "09:00");
        UUID series = UUID.fromString(MeetingsApi.startSeries(ORG, slotted).statusCode(201).extract().path("id"));
        scheduleMeeting(ORG, series.toString(), nextWeek()).statusCode(201);
        UUID manager = PeopleApi.registerPerson(ORG, null);
        UUID report = PeopleApi.registerPerson(ORG, manager);
        UUID newManager = PeopleApi.registerPerson(ORG, null);
        PeopleApi.changeManager(ORG, report, newManager).statusCode(200);
        Map<String, Object> moved = new java.util.HashMap<>(PeopleApi.person(manager, null));
        moved.remove("id");
        moved.put("team", "data");
        as(ORG).body(moved).put("/people/{id}", manager).then().statusCode(200);
        as(ORG).body(Map.of("lastDay", LocalDate.now().plusDays(30).toString()))
                .post("/people/{id}/employment-end", manager).then().statusCode(200);
        as(ORG).delete("/people/{id}/employment-end", manager).then().statusCode(200);

        // a leaver (whose last day was yesterday) rehired today, for PersonRehired
        UUID returning = PeopleApi.registerLeaver(ORG, UUID.randomUUID(), LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10),
                LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        Map<String, Object> back = new java.util.HashMap<>(PeopleApi.person(returning, newManager));
        back.remove("id");
        as(ORG).body(back).post("/people/{id}/rehire", returning).then().statusCode(200);

        // another leaver erased, for PersonErased
        UUID erased = PeopleApi.registerLeaver(ORG, UUID.randomUUID(), LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10),
                LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        as(ORG).post("/people/{id}/erasure", erased).then().statusCode(200);

        UUID lived = livedSeries();

        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>(
                PublishedEvents.ofAggregate(series, 2, Duration.ofSeconds(30)));
        assertEquals("09:00:00", JSON.readTree(records.get(0).value()).path("preferredTime").asText());
        records.addAll(PublishedEvents.ofAggregate(lived, 12, Duration.ofSeconds(30)));
        records.addAll(PublishedEvents.ofAggregate(missedOne(), 4, Duration.ofSeconds(30)));
        records.addAll(PublishedEvents.ofAggregate(manager, 4, Duration.ofSeconds(30)));
        records.addAll(PublishedEvents.ofAggregate(report, 2, Duration.ofSeconds(30)));
        records.addAll(PublishedEvents.ofAggregate(returning, 3, Duration.ofSeconds(30)));
        records.addAll(PublishedEvents.ofAggregate(erased, 3, Duration.ofSeconds(30)));
        records.addAll(PublishedEvents.ofAggregate(endpoint, 1, Duration.ofSeconds(60)));

        // PublishedEvents checked each record against the served document: headers, payload and key
        Set<String> seen = new java.util.TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
            seen.add(type);
            String name = type.substring(type.lastIndexOf('.') + 1);
            assertEquals(type, document.path("components").path("messages").path(name).path("name").asText(),
                    "the document has a message for " + type);
        }
        Set<String> everyType = new java.util.TreeSet<>();
        MeetingsEvent.payloadClasses().forEach(payload -> everyType.add(MeetingsEvent.typeOf(payload)));
        assertEquals(everyType, seen, "every event type of the contract was emitted and checked");
    }

    /** A series that goes through its whole lifecycle, so that every kind of series event is emitted. */
    private static UUID livedSeries() {
        String series = startWeeklySeries(ORG);
        Instant start = nextWeek();
        String first = meeting(series, start);
        String second = meeting(series, start.plus(Duration.ofDays(1)));
        String third = meeting(series, start.plus(Duration.ofDays(2)));
        call(series, "/cadence", Map.of("cadence", "BIWEEKLY"));
        call(series, "/pause", Map.of("from", LocalDate.now().minusDays(1).toString(),
                "until", LocalDate.now().plusDays(3).toString()));
        call(series, "/resume", Map.of());
        call(series, "/meetings/" + first + "/reschedule",
                Map.of("to", start.plus(Duration.ofHours(3)).toString(), "reason", "CONFLICT"));
        call(series, "/meetings/" + second + "/held", Map.of("heldAt", Instant.now().minusSeconds(60).toString(),
                "actualMinutes", 25, "mode", "IN_PERSON"));
        call(series, "/meetings/" + third + "/cancel", Map.of("reason", "ILLNESS"));
        call(series, "/end", Map.of());
        return UUID.fromString(series);
    }

    /** A meeting imported three days in the past and never held: the sweep records it missed. */
    private UUID missedOne() {
        String series = MeetingsApi.importSeriesWithPastMeeting(ORG, Instant.now().minus(Duration.ofDays(3)),
                nextWeek()).statusCode(201).extract().path("series[0]");
        assertTrue(sweep.sweep(Instant.now()) >= 1);
        return UUID.fromString(series);
    }

    private static String meeting(String series, Instant at) {
        return scheduleMeeting(ORG, series, at).statusCode(201).extract().path("id");
    }

    private static void call(String series, String action, Map<String, Object> body) {
        io.restassured.response.Response answer = as(ORG).body(body).post("/series/" + series + action);
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 201, action + ": " + answer.asString());
    }

    @Test
    void the_document_is_open_and_names_the_topic() {
        given().get("/asyncapi").then().statusCode(200)
                .body("asyncapi", org.hamcrest.Matchers.equalTo("3.0.0"))
                .body("channels.meetingsEvents.address", org.hamcrest.Matchers.equalTo("oneonone.meetings.v1"));
    }
}
