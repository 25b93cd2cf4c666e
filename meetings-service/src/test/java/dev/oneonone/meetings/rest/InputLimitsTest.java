package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InputLimitsTest {
    private static final String ORG = "limits";

    @Test
    void a_body_over_the_limit_is_413_and_stores_nothing() {
        Map<String, Object> body = new HashMap<>(weeklySeries(UUID.randomUUID(), UUID.randomUUID()));
        body.put("padding", "x".repeat(1_100_000));

        as(ORG).body(body).post("/series").then().statusCode(413).contentType("application/problem+json");
        as(ORG).get("/series").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void a_string_over_its_maximum_is_refused_by_field() {
        Map<String, Object> body = new HashMap<>(weeklySeries(UUID.randomUUID(), UUID.randomUUID()));
        body.put("timeZone", "Europe/" + "x".repeat(100));

        as(ORG).body(body).post("/series").then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void a_page_size_over_the_maximum_is_refused() {
        as(ORG).queryParam("limit", 101).get("/series").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }
}
