package dev.oneonone.meetings.application.webhooks;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.meetings.config.WebhookSettings;
import dev.oneonone.meetings.messaging.PublishedEvents;
import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * Webhooks against the real service, Kafka and PostgreSQL, with a receiver that checks every request with the
 * Standard Webhooks library: signed deliveries in order per aggregate with the endpoint's filter, retries until a
 * failing receiver recovers, secret rotation, disabling after the failure budget (the event checked against the
 * AsyncAPI document), redelivery, and deliveries that wait as rows for a dispatcher started afresh.
 */
@QuarkusTest
class WebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SigningReceiver receiver;

    @Inject
    Pool pool;
    @Inject
    Clock clock;
    @Inject
    WebhookSettings settings;
    @Inject
    EventStore events;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookAddresses addresses;
    @Inject
    WebhookSecrets webhookSecrets;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new SigningReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void delivers_the_subscribed_events_signed_and_in_order_per_aggregate() throws Exception {
        String org = organisation();
        String path = "/" + org;
        JsonPath created = create(org, path, List.of("oneonone.meetings.PersonRegistered",
                "oneonone.meetings.SeriesStarted", "oneonone.meetings.MeetingScheduled"));
        receiver.expectSecrets(path, List.of(created.getString("secret")));

        UUID person = PeopleApi.registerPerson(org, null);
        String series = startWeeklySeries(org);
        for (int i = 1; i <= 3; i++) {
            scheduleMeeting(org, series, nextWeek().plus(Duration.ofHours(i))).statusCode(201);
        }
        // not subscribed: never sent
        as(org).body(Map.of("cadence", "BIWEEKLY")).post("/series/{id}/cadence", series).then().statusCode(200);

        Awaitility.await().atMost(WAIT).until(() -> receiver.at(path).size() >= 5);
        Thread.sleep(1_000); // anything unsubscribed would arrive meanwhile
        List<SigningReceiver.Received> received = receiver.at(path);
        assertEquals(5, received.size(), () -> types(received).toString());
        assertTrue(received.stream().allMatch(SigningReceiver.Received::verified), "every request verifies");

        List<JsonNode> bodies = bodies(received);
        List<JsonNode> ofSeries = bodies.stream().filter(body -> body.get("subject").asText().equals(series)).toList();
        assertEquals(List.of("oneonone.meetings.SeriesStarted", "oneonone.meetings.MeetingScheduled",
                "oneonone.meetings.MeetingScheduled", "oneonone.meetings.MeetingScheduled"),
                ofSeries.stream().map(body -> body.get("type").asText()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), ofSeries.stream().map(body -> body.get("aggregateversion").asLong()).toList(),
                "in the aggregate's order");
        JsonNode registered = bodies.stream().filter(body -> body.get("subject").asText().equals(person.toString()))
                .findFirst().orElseThrow();
        assertEquals("oneonone.meetings.PersonRegistered", registered.get("type").asText());
        assertEquals(person.toString(), registered.at("/data/personId").asText(), "the payload as on Kafka");
        assertEquals(org, registered.get("organisation").asText());
        for (int i = 0; i < received.size(); i++) {
            assertEquals(bodies.get(i).get("id").asText(), received.get(i).id(), "webhook-id is the CloudEvent id");
        }

        JsonPath log = deliveries(org, created.getString("endpoint.id"));
        assertEquals(5, log.getList("items").size());
        assertEquals(List.of("DELIVERED"), log.getList("items.status").stream().distinct().toList());
        assertEquals(200, log.getInt("items[0].attempts[0].statusCode"));
    }

    @Test
    void retries_a_failing_receiver_until_it_recovers() {
        String org = organisation();
        String path = "/" + org;
        receiver.answer(path, n -> n <= 3 ? 500 : 200);
        JsonPath created = create(org, path, List.of("oneonone.meetings.SeriesStarted"));
        receiver.expectSecrets(path, List.of(created.getString("secret")));

        startWeeklySeries(org);

        String endpoint = created.getString("endpoint.id");
        Awaitility.await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(org, endpoint).getString("items[0].status")));
        JsonPath log = deliveries(org, endpoint);
        assertEquals(List.of(500, 500, 500, 200), log.getList("items[0].attempts.statusCode"));
        assertEquals(List.of("HTTP_STATUS", "HTTP_STATUS", "HTTP_STATUS"),
                log.getList("items[0].attempts.failure").subList(0, 3));
        List<SigningReceiver.Received> received = receiver.at(path);
        assertEquals(4, received.size());
        assertEquals(1, received.stream().map(SigningReceiver.Received::id).distinct().count(), "one webhook-id throughout");
        assertTrue(received.stream().allMatch(SigningReceiver.Received::verified));
        assertTrue(metrics.get("webhook.attempts").tag("outcome", "failed").counter().count() >= 3, "failed attempts counted");
        assertNull(as(org).get("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .extract().path("failingSince"), "a success ends the failing");
    }

    @Test
    void after_a_rotation_both_secrets_sign_during_the_grace() {
        String org = organisation();
        String path = "/" + org;
        JsonPath created = create(org, path, List.of("oneonone.meetings.SeriesStarted"));
        String endpoint = created.getString("endpoint.id");
        String old = created.getString("secret");
        JsonPath rotated = as(org).post("/webhooks/endpoints/{id}/secret/rotate", endpoint).then().statusCode(200)
                .extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertFalse(fresh.equals(old));
        Instant expires = Instant.parse(rotated.getString("previousSecretExpiresAt"));
        assertEquals(settings.rotationGrace().toMinutes(), Duration.between(clock.instant(), expires).toMinutes(), 1);
        receiver.expectSecrets(path, List.of(old, fresh));

        startWeeklySeries(org);

        Awaitility.await().atMost(WAIT).until(() -> receiver.at(path).size() == 1);
        SigningReceiver.Received request = receiver.at(path).get(0);
        assertTrue(request.verified());
        assertTrue(SigningReceiver.verifies(old, request), "the previous secret alone verifies");
        assertTrue(SigningReceiver.verifies(fresh, request), "the new secret alone verifies");
        assertFalse(SigningReceiver.verifies(WebhookSignatures.newSecret(), request), "another secret does not");
        assertEquals(2, request.signature().split(" ").length);

        // at rest both are sealed with the configured key, bound to their endpoint: neither is in the table
        List<String> stored = new ArrayList<>();
        pool.preparedQuery("select secret from webhook_secret where endpoint_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(endpoint))).await().atMost(WAIT)
                .forEach(row -> stored.add(row.getString(0)));
        assertEquals(2, stored.size());
        for (String value : stored) {
            assertTrue(value.startsWith(WebhookSecrets.PREFIX), value);
            assertFalse(value.contains(old.substring(6)) || value.contains(fresh.substring(6)), "not in clear");
        }
        assertEquals(java.util.Set.of(old, fresh), java.util.Set.of(
                webhookSecrets.open(UUID.fromString(endpoint), stored.get(0)),
                webhookSecrets.open(UUID.fromString(endpoint), stored.get(1))));
    }

    @Test
    void an_endpoint_that_keeps_failing_is_disabled_with_an_event_and_a_redelivery_sends_again() throws Exception {
        String org = organisation();
        String path = "/" + org;
        receiver.answer(path, n -> 503);
        JsonPath created = create(org, path, List.of("oneonone.meetings.SeriesStarted"));
        String endpoint = created.getString("endpoint.id");
        receiver.expectSecrets(path, List.of(created.getString("secret")));

        startWeeklySeries(org);

        Awaitility.await().atMost(WAIT).until(() -> !as(org).get("/webhooks/endpoints/{id}", endpoint).then()
                .statusCode(200).extract().<Boolean>path("enabled"));
        JsonPath disabled = as(org).get("/webhooks/endpoints/{id}", endpoint).then().extract().jsonPath();
        assertEquals("DELIVERIES_FAILING", disabled.getString("disabledReason"));
        JsonPath log = deliveries(org, endpoint);
        assertEquals("FAILED", log.getString("items[0].status"), "its retries are used up");
        assertEquals(settings.retrySchedule().size() + 1, log.getList("items[0].attempts").size());

        // the event, read from Kafka and checked against the AsyncAPI document (RecordContract)
        List<ConsumerRecord<String, String>> records = PublishedEvents.ofAggregate(UUID.fromString(endpoint), 1, WAIT);
        assertEquals(1, records.size());
        assertEquals("oneonone.meetings.WebhookEndpointDisabled",
                CloudEventHeaders.get(records.get(0).headers(), CloudEventHeaders.TYPE));
        JsonNode payload = JSON.readTree(records.get(0).value());
        assertEquals("DELIVERIES_FAILING", payload.get("reason").asText());
        assertEquals(endpoint, payload.get("endpointId").asText());

        // the receiver is fixed; the integration enables the endpoint and has the failed delivery sent again
        receiver.answer(path, n -> 204);
        as(org).body(Map.of("enabled", true)).patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .body("enabled", equalTo(true));
        String delivery = log.getString("items[0].id");
        as(org).post("/webhooks/endpoints/{id}/deliveries/{delivery}/redeliver", endpoint, delivery).then()
                .statusCode(200).body("status", equalTo("PENDING"));
        Awaitility.await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(org, endpoint).getString("items[0].status")));
        assertEquals(204, receiver.at(path).get(receiver.at(path).size() - 1).answered());
    }

    @Test
    void a_delivery_waits_as_a_row_and_a_dispatcher_started_afresh_sends_it() throws Exception {
        String org = organisation();
        String path = "/" + org;
        JsonPath created = create(org, path, List.of("oneonone.meetings.SeriesStarted"));
        String endpoint = created.getString("endpoint.id");
        receiver.expectSecrets(path, List.of(created.getString("secret")));
        dispatcher.pause(true);
        WebhookDispatcher afterRestart = new WebhookDispatcher(pool, clock, settings, events, addresses, webhookSecrets, metrics);
        try {
            startWeeklySeries(org);
            Awaitility.await().atMost(WAIT).until(() -> deliveries(org, endpoint).getList("items").size() == 1);
            Thread.sleep(500);
            assertEquals("PENDING", deliveries(org, endpoint).getString("items[0].status"));
            assertEquals(0, receiver.at(path).size(), "nothing sent while no dispatcher runs");

            // a new dispatcher, as in a restarted service, holds nothing but what the rows say
            Awaitility.await().atMost(WAIT).until(() -> {
                afterRestart.dispatchDue();
                return receiver.at(path).size() == 1;
            });
            assertTrue(receiver.at(path).get(0).verified());
            assertEquals("DELIVERED", deliveries(org, endpoint).getString("items[0].status"));
        } finally {
            afterRestart.stop(null);
            dispatcher.pause(false);
        }
    }

    @Test
    void the_log_keeps_delivered_ones_for_the_retention() {
        String org = organisation();
        String path = "/" + org;
        JsonPath created = create(org, path, List.of("oneonone.meetings.SeriesStarted"));
        String endpoint = created.getString("endpoint.id");
        startWeeklySeries(org);
        Awaitility.await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(org, endpoint).getString("items[0].status")));

        dispatcher.prune(clock.instant().plus(settings.logRetention()).minusSeconds(60));
        assertEquals(1, deliveries(org, endpoint).getList("items").size(), "kept within the retention");
        dispatcher.prune(clock.instant().plus(settings.logRetention()).plusSeconds(60));
        assertEquals(0, deliveries(org, endpoint).getList("items").size(), "deleted after it");
    }

    @Test
    void refuses_bad_input_field_by_field_and_keeps_organisations_apart() {
        String org = organisation();
        as(org).body(Map.of("url", "ftp://hooks.example.com/x")).post("/webhooks/endpoints").then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        as(org).body(Map.of("url", "https://hooks.example.com/x", "eventTypes", List.of("oneonone.meetings.NoSuchEvent")))
                .post("/webhooks/endpoints").then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[0]"));
        as(org).get("/webhooks/endpoints").then().statusCode(200).body("items", empty());

        String endpoint = create(org, "/" + org, null).getString("endpoint.id");
        String other = organisation();
        as(other).get("/webhooks/endpoints/{id}", endpoint).then().statusCode(404);
        as(other).delete("/webhooks/endpoints/{id}", endpoint).then().statusCode(404);
        as(other).get("/webhooks/endpoints").then().statusCode(200).body("items", empty());
        as(org).get("/webhooks/endpoints").then().statusCode(200).body("items.id", contains(endpoint))
                .body("items[0].eventTypes", nullValue())
                .body("items[0]", not(hasKey("secret")));
    }

    @Test
    void an_idempotency_key_makes_registering_rotating_and_redelivering_safe_to_retry() throws Exception {
        String org = organisation();
        String path = "/" + org;
        Map<String, Object> body = Map.of("url", receiver.url(path), "eventTypes", List.of("oneonone.meetings.SeriesStarted"));
        var first = as(org).header("Idempotency-Key", "register-1").body(body).post("/webhooks/endpoints").then()
                .statusCode(201).header("ETag", "\"1\"").extract();
        String endpoint = first.path("endpoint.id");
        var again = as(org).header("Idempotency-Key", "register-1").body(body).post("/webhooks/endpoints").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(endpoint, again.path("endpoint.id"), "the same endpoint answered again");
        assertEquals(first.<String>path("secret"), again.path("secret"));
        assertEquals(first.header("Location"), again.header("Location"));
        as(org).get("/webhooks/endpoints").then().statusCode(200).body("items.id", contains(endpoint));
        as(org).header("Idempotency-Key", "register-1").body(Map.of("url", receiver.url(path + "/other")))
                .post("/webhooks/endpoints").then().statusCode(422).body("type", endsWith("/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        as(org).get("/webhooks/endpoints").then().statusCode(200).body("items.id", contains(endpoint));

        String rotated = as(org).header("Idempotency-Key", "rotate-1").post("/webhooks/endpoints/{id}/secret/rotate", endpoint)
                .then().statusCode(200).extract().path("secret");
        as(org).header("Idempotency-Key", "rotate-1").post("/webhooks/endpoints/{id}/secret/rotate", endpoint).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("secret", equalTo(rotated));
        assertEquals(2L, secrets(endpoint), "one rotation: the first secret and the new one");
        as(org).header("Idempotency-Key", "rotate-1").post("/webhooks/endpoints/{id}/secret/rotate", UUID.randomUUID())
                .then().statusCode(422);

        receiver.expectSecrets(path, List.of(first.<String>path("secret"), rotated));
        startWeeklySeries(org);
        Awaitility.await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(org, endpoint).getString("items[0].status")));
        String delivery = deliveries(org, endpoint).getString("items[0].id");
        as(org).header("Idempotency-Key", "redeliver-1")
                .post("/webhooks/endpoints/{id}/deliveries/{delivery}/redeliver", endpoint, delivery).then()
                .statusCode(200).body("status", equalTo("PENDING"));
        Awaitility.await().atMost(WAIT).until(() -> receiver.at(path).size() == 2);
        as(org).header("Idempotency-Key", "redeliver-1")
                .post("/webhooks/endpoints/{id}/deliveries/{delivery}/redeliver", endpoint, delivery).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("PENDING"));
        Thread.sleep(1_000); // a second redelivery would arrive meanwhile
        assertEquals(2, receiver.at(path).size(), "the retried redelivery sent nothing more");
        assertEquals("DELIVERED", deliveries(org, endpoint).getString("items[0].status"));
        as(org).header("Idempotency-Key", "no spaces").post("/webhooks/endpoints/{id}/secret/rotate", endpoint).then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void a_change_at_a_stale_version_is_refused_and_changes_nothing() {
        String org = organisation();
        String endpoint = create(org, "/" + org, null).getString("endpoint.id");
        as(org).get("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1));
        as(org).header("If-Match", "\"1\"").body(Map.of("description", "first change"))
                .patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2));
        as(org).header("If-Match", "\"1\"").body(Map.of("description", "lost update"))
                .patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/version-conflict"));
        as(org).header("If-Match", "abc").body(Map.of("description", "malformed"))
                .patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match")).body("errors[0].reason", equalTo("not-an-entity-tag"));
        as(org).get("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"2\"")
                .body("description", equalTo("first change"));
        // weak tags are the same version; without If-Match the change applies to whatever version
        as(org).header("If-Match", "W/\"2\"").body(Map.of("enabled", false))
                .patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"3\"");
        as(org).body(Map.of("enabled", true)).patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .header("ETag", "\"4\"").body("enabled", equalTo(true));
        as(organisation()).header("If-Match", "\"4\"").body(Map.of("description", "other organisation"))
                .patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(404);
    }

    @Test
    void event_types_null_receives_every_type_again_and_an_empty_change_keeps_the_version() {
        String org = organisation();
        String endpoint = create(org, "/" + org, List.of("oneonone.meetings.SeriesStarted")).getString("endpoint.id");

        as(org).header("If-Match", "\"1\"").body("{}").patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1))
                .body("eventTypes", contains("oneonone.meetings.SeriesStarted"));
        as(org).header("If-Match", "\"7\"").body("{}").patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(409);
        as(org).body("{\"description\":\"kept types\"}").patch("/webhooks/endpoints/{id}", endpoint).then()
                .statusCode(200).header("ETag", "\"2\"").body("eventTypes", contains("oneonone.meetings.SeriesStarted"));
        as(org).body("{\"eventTypes\":[]}").patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));

        as(org).body("{\"eventTypes\":null}").patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .header("ETag", "\"3\"").body("eventTypes", nullValue());
        as(org).get("/webhooks/endpoints/{id}", endpoint).then().body("eventTypes", nullValue()).body("version", equalTo(3));
        // an event of a type it did not subscribe to before is delivered now
        String series = startWeeklySeries(org);
        scheduleMeeting(org, series, nextWeek());
        Awaitility.await().atMost(WAIT).until(() -> deliveries(org, endpoint).getList("items.eventType")
                .contains("oneonone.meetings.MeetingScheduled"));
    }

    @Test
    void a_change_to_the_values_it_has_keeps_the_version_and_nulls_clear_or_are_refused() {
        String org = organisation();
        String endpoint = create(org, "/" + org, List.of("oneonone.meetings.SeriesStarted")).getString("endpoint.id");
        String types = "{\"eventTypes\":[\"oneonone.meetings.SeriesStarted\",\"oneonone.meetings.MeetingScheduled\","
                + "\"oneonone.meetings.SeriesStarted\"]}";
        as(org).body(types).patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"2\"")
                .body("eventTypes", contains("oneonone.meetings.SeriesStarted", "oneonone.meetings.MeetingScheduled"));
        // the same types again, in another order: the same set, the same version
        as(org).body("{\"eventTypes\":[\"oneonone.meetings.MeetingScheduled\",\"oneonone.meetings.SeriesStarted\"]}")
                .patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"2\"");
        as(org).body(types).patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"2\"");
        as(org).body(Map.of("description", "test receiver")).patch("/webhooks/endpoints/{id}", endpoint).then()
                .statusCode(200).header("ETag", "\"2\"");
        as(org).body(Map.of("enabled", false)).patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .header("ETag", "\"3\"");
        as(org).header("If-Match", "\"3\"").body(Map.of("enabled", false)).patch("/webhooks/endpoints/{id}", endpoint)
                .then().statusCode(200).header("ETag", "\"3\"").body("version", equalTo(3)).body("enabled", equalTo(false));
        as(org).body(Map.of("url", receiver.url("/" + org))).patch("/webhooks/endpoints/{id}", endpoint).then()
                .statusCode(200).header("ETag", "\"3\"");

        // description null clears it; url and enabled cannot be null, and a refused body changes nothing
        as(org).body("{\"description\":null}").patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .header("ETag", "\"4\"").body("description", nullValue());
        as(org).body("{\"description\":null}").patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .header("ETag", "\"4\"");
        as(org).body("{\"url\":null,\"enabled\":null,\"description\":\"not applied\"}")
                .patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(400)
                .body("errors.field", contains("url", "enabled"));
        as(org).body("{\"enabled\":null}").patch("/webhooks/endpoints/{id}", endpoint).then().statusCode(400)
                .body("errors.field", contains("enabled"));
        as(org).get("/webhooks/endpoints/{id}", endpoint).then().statusCode(200).header("ETag", "\"4\"")
                .body("description", nullValue()).body("enabled", equalTo(false));
        // one message for a bad URL, whatever is wrong with it (this service allows http in tests or not)
        String message = as(org).body(Map.of("url", "ftp://hooks.example.com/x")).patch("/webhooks/endpoints/{id}", endpoint)
                .then().statusCode(400).body("errors[0].field", equalTo("url")).extract().path("errors[0].message");
        as(org).body(Map.of("url", "https://hooks.example.com/x y")).patch("/webhooks/endpoints/{id}", endpoint).then()
                .statusCode(400).body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo(message));
        as(org).body(Map.of("url", "https://hooks.example.com/x y")).post("/webhooks/endpoints").then()
                .statusCode(400).body("errors[0].message", equalTo(message));
    }

    private long secrets(String endpoint) {
        return pool.preparedQuery("select count(*) from webhook_secret where endpoint_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(endpoint))).await().atMost(WAIT)
                .iterator().next().getLong(0);
    }

    private static String organisation() {
        return "hook-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonPath create(String org, String path, List<String> types) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", receiver.url(path), "description", "test receiver"));
        if (types != null) {
            body.put("eventTypes", types);
        }
        return as(org).body(body).post("/webhooks/endpoints").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath deliveries(String org, String endpoint) {
        return as(org).get("/webhooks/endpoints/{id}/deliveries", endpoint).then().statusCode(200).extract().jsonPath();
    }

    private static List<JsonNode> bodies(List<SigningReceiver.Received> received) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (SigningReceiver.Received one : received) {
            bodies.add(JSON.readTree(one.body()));
        }
        return bodies;
    }

    private static List<String> types(List<SigningReceiver.Received> received) {
        return received.stream().map(one -> {
            try {
                return JSON.readTree(one.body()).get("type").asText();
            } catch (Exception e) {
                return one.body();
            }
        }).toList();
    }
}
