package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyKeyTest {

    @Test
    void a_retry_with_the_same_key_and_body_gets_the_first_answer_and_creates_nothing() {
        String org = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = weeklySeries(UUID.randomUUID(), UUID.randomUUID());

        Response first = as(org).header("Idempotency-Key", key).body(body).post("/series");
        Response retry = as(org).header("Idempotency-Key", key).body(body).post("/series");

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        as(org).get("/series").then().body("items.size()", equalTo(1));
    }

    @Test
    void the_same_key_with_another_body_is_422_and_creates_nothing() {
        String org = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        as(org).header("Idempotency-Key", key).body(weeklySeries(UUID.randomUUID(), UUID.randomUUID()))
                .post("/series").then().statusCode(201);

        as(org).header("Idempotency-Key", key).body(weeklySeries(UUID.randomUUID(), UUID.randomUUID()))
                .post("/series").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        as(org).get("/series").then().body("items.size()", equalTo(1));
    }

    @Test
    void registering_a_person_is_idempotent_too() {
        String org = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = new java.util.HashMap<>(PeopleApi.person(UUID.randomUUID(), null));
        body.remove("id");

        String first = as(org).header("Idempotency-Key", key).body(body).post("/people").then().statusCode(201)
                .extract().path("id");
        String retry = as(org).header("Idempotency-Key", key).body(body).post("/people").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");

        assertEquals(first, retry);
        as(org).get("/people").then().body("items.size()", equalTo(1));
    }

    @Test
    void scheduling_a_meeting_is_idempotent_and_a_retry_is_not_a_stale_version() {
        String org = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String series = MeetingsApi.startWeeklySeries(org);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("scheduledFor", MeetingsApi.nextWeek().toString());

        String first = as(org).header("Idempotency-Key", key).header("If-Match", "\"1\"").body(body)
                .post("/series/{id}/meetings", series).then().statusCode(201).extract().path("id");
        // the retry carries the same (now stale) If-Match: it still gets the first answer, not a 409
        String retry = as(org).header("Idempotency-Key", key).header("If-Match", "\"1\"").body(body)
                .post("/series/{id}/meetings", series).then().statusCode(201).extract().path("id");

        assertEquals(first, retry);
        as(org).get("/series/{id}/meetings", series).then().body("items.size()", equalTo(1));
    }

    @Test
    void keys_are_kept_per_organisation() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = weeklySeries(UUID.randomUUID(), UUID.randomUUID());

        String inFirst = as("idem-a").header("Idempotency-Key", key).body(body).post("/series").then()
                .statusCode(201).extract().path("id");
        String inSecond = as("idem-b").header("Idempotency-Key", key).body(body).post("/series").then()
                .statusCode(201).extract().path("id");

        org.junit.jupiter.api.Assertions.assertNotEquals(inFirst, inSecond);
    }

    @Test
    void a_participants_key_and_body_sent_by_someone_outside_the_series_get_neither_201_nor_the_meeting() {
        String org = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        String series = MeetingsApi.startWeeklySeries(org, leader, UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("scheduledFor", MeetingsApi.nextWeek().toString());
        String meeting = MeetingsApi.with(MeetingsApi.personToken(org, leader)).header("Idempotency-Key", key)
                .body(body).post("/series/{id}/meetings", series).then().statusCode(201).extract().path("id");

        String outsider = MeetingsApi.personToken(org, UUID.randomUUID());
        for (String path : List.of("/series/{id}/meetings", "/series/{id}/meetings/next")) {
            Response answer = MeetingsApi.with(outsider).header("Idempotency-Key", key).body(body).post(path, series);
            assertEquals(404, answer.statusCode(), path + ": " + answer.asString());
            assertFalse(answer.asString().contains(meeting), "the meeting is not in the answer");
            assertEquals(null, answer.header("Idempotent-Replayed"));
        }
        // the participant's own retry still gets the first answer; nothing else was created
        MeetingsApi.with(MeetingsApi.personToken(org, leader)).header("Idempotency-Key", key).body(body)
                .post("/series/{id}/meetings", series).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(meeting));
        as(org).get("/series/{id}/meetings", series).then().body("items.size()", equalTo(1));
    }

    @Test
    void a_refused_create_keeps_no_key() {
        String org = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        UUID same = UUID.randomUUID();
        as(org).header("Idempotency-Key", key).body(weeklySeries(same, same)).post("/series").then().statusCode(422);

        // the key is free again: the same key now creates with a valid body
        as(org).header("Idempotency-Key", key).body(weeklySeries(same, UUID.randomUUID())).post("/series").then()
                .statusCode(201);
    }

    @Test
    void retries_racing_with_the_same_new_key_create_once_and_all_get_that_answer() throws Exception {
        String org = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = weeklySeries(UUID.randomUUID(), UUID.randomUUID());
        int retries = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(retries);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < retries; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(org).header("Idempotency-Key", key).body(body).post("/series");
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.jsonPath().getString("id"));
            }
            assertEquals(1, ids.size(), "every racing retry got the one created series");
        } finally {
            pool.shutdownNow();
        }
        as(org).get("/series").then().body("items.size()", equalTo(1));
    }
}
