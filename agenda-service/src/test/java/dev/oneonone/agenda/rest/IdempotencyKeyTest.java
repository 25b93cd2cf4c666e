package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.aMeetingOf;
import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static dev.oneonone.agenda.rest.TopicsResourceTest.topic;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Retried creates with an Idempotency-Key: the first answer again, nothing created twice. */
@QuarkusTest
class IdempotencyKeyTest {
    private static final String ORG = "acme";

    private final UUID series = UUID.randomUUID();
    private final UUID meeting = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();

    private void aScheduledMeeting() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, meeting, Instant.now().plus(2, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(ORG, companion), meeting);
    }

    private ExtractableResponse<Response> post(UUID person, String key, String path, Object body) {
        var request = given().auth().oauth2(personToken(ORG, person)).header("Idempotency-Key", key);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post(path).then().extract();
    }

    @Test
    void a_retried_topic_is_added_once_and_answered_the_same() throws Exception {
        aScheduledMeeting();
        String key = "retry-" + UUID.randomUUID();
        String path = "/meetings/" + meeting + "/topics";

        ExtractableResponse<Response> first = post(companion, key, path, topic("Workload", "WELLBEING"));
        ExtractableResponse<Response> again = post(companion, key, path, topic("Workload", "WELLBEING"));

        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals((String) first.path("id"), again.path("id"));
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics", hasSize(1)).header("ETag", equalTo("\"1\""));

        // the same key for another request is refused, and adds nothing
        given().auth().oauth2(personToken(ORG, companion)).header("Idempotency-Key", key)
                .contentType("application/json").body(topic("Something else", "CAREER")).post(path).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/idempotency-key-reused"))
                .body("errors.field", contains("Idempotency-Key"));
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics", hasSize(1));
    }

    @Test
    void a_key_belongs_to_its_caller_and_a_refused_create_keeps_no_key() throws Exception {
        aScheduledMeeting();
        String key = "shared-key-" + UUID.randomUUID();
        String path = "/meetings/" + meeting + "/notes";
        Map<String, String> note = Map.of("visibility", "PRIVATE", "text", "Only for me");

        String mine = post(leader, key, path, note).path("id");
        ExtractableResponse<Response> theirs = post(companion, key, path, note);
        assertEquals(201, theirs.statusCode());
        assertNotEquals(mine, theirs.path("id"));
        assertEquals(null, theirs.header("Idempotent-Replayed"));

        // an invalid request is refused before anything is kept: the key is still free afterwards
        String fresh = "fresh-" + UUID.randomUUID();
        assertEquals(400, post(leader, fresh, path, Map.of("visibility", "SHARED", "text", " ")).statusCode());
        assertEquals(201, post(leader, fresh, path, Map.of("visibility", "SHARED", "text", "Now valid")).statusCode());
        assertEquals(400, post(leader, "bad key with spaces", path, note).statusCode());
    }

    /**
     * Issue 14 item 8: the access check comes before any replay, on every meeting-scoped create. An outsider who used a
     * key on their own meeting and sends it for someone else's meeting gets the 404 of any unknown meeting, not the
     * 422 of a reused key (which would answer before checking who asks).
     */
    @Test
    void an_outsider_gets_404_before_any_key_is_looked_at() throws Exception {
        aScheduledMeeting();
        UUID outsider = UUID.randomUUID();
        UUID ownMeeting = aMeetingOf(ORG, outsider, Duration.ofDays(3));
        String key = "outsider-" + UUID.randomUUID();
        assertEquals(201, post(outsider, key, "/meetings/" + ownMeeting + "/topics", topic("Mine", "CAREER")).statusCode());

        Map<String, Object> creates = Map.of(
                "/meetings/" + meeting + "/topics", topic("Mine", "CAREER"),
                "/meetings/" + meeting + "/notes", Map.of("visibility", "SHARED", "text", "Mine"),
                "/meetings/" + meeting + "/agreements", Map.of("wording", "Mine", "ownerId", outsider.toString()),
                "/meetings/" + meeting + "/templates/" + UUID.randomUUID() + "/application", Map.of());
        creates.forEach((path, body) -> {
            ExtractableResponse<Response> answer = post(outsider, key, path, path.endsWith("/application") ? null : body);
            assertEquals(404, answer.statusCode(), path + ": " + answer.body().asString());
            assertEquals("https://oneonone.dev/problems/not-found", answer.path("type"), path);
        });
    }

    @Test
    void template_creation_and_application_replay_too() throws Exception {
        aScheduledMeeting();
        String hr = SuiteInfrastructure.signingKey().mint(ORG, "hr-" + UUID.randomUUID(), List.of("hr"),
                Duration.ofMinutes(5));
        String key = "tpl-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Retro", "questions",
                List.of(Map.of("text", "What should we keep doing?", "kind", "FEEDBACK")));
        String first = given().auth().oauth2(hr).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/templates").then().statusCode(201).extract().path("id");
        given().auth().oauth2(hr).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/templates").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));

        String applyKey = "apply-" + UUID.randomUUID();
        String path = "/meetings/" + meeting + "/templates/" + first + "/application";
        ExtractableResponse<Response> applied = post(leader, applyKey, path, null);
        ExtractableResponse<Response> replayed = post(leader, applyKey, path, null);
        assertEquals(201, applied.statusCode());
        assertEquals(201, replayed.statusCode());
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics", hasSize(1)).body("topics[0].id", not(nullValue()));
    }

    @Test
    void retries_racing_with_the_same_new_key_add_the_topic_once_and_all_get_that_answer() throws Exception {
        aScheduledMeeting();
        String key = "race-" + UUID.randomUUID();
        String path = "/meetings/" + meeting + "/topics";
        int retries = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(retries);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ExtractableResponse<Response>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < retries; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(companion, key, path, topic("Workload", "WELLBEING"));
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                ExtractableResponse<Response> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.size(), "every racing retry got the one topic added");
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics", hasSize(1));
    }
}
