package dev.oneonone.meetings.rest;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The calls the tests make, in the words of the API. */
public final class MeetingsApi {
    public static final String HEADER = "X-Organisation-Id";

    private MeetingsApi() {
    }

    public static RequestSpecification as(String organisation) {
        return given().header(HEADER, organisation).contentType(ContentType.JSON);
    }

    public static Map<String, Object> weeklySeries(UUID leader, UUID companion) {
        return Map.of("leaderId", leader.toString(), "companionId", companion.toString(),
                "relationship", "MANAGER_REPORT", "cadence", "WEEKLY", "timeZone", "Europe/Berlin");
    }

    public static ValidatableResponse startSeries(String organisation, Map<String, Object> body) {
        return as(organisation).body(body).post("/series").then();
    }

    public static String startWeeklySeries(String organisation) {
        return startSeries(organisation, weeklySeries(UUID.randomUUID(), UUID.randomUUID()))
                .statusCode(201).extract().path("id");
    }

    public static ValidatableResponse scheduleMeeting(String organisation, String seriesId, Instant at) {
        return as(organisation).body(Map.of("scheduledFor", at.toString()))
                .post("/series/{id}/meetings", seriesId).then();
    }

    public static Instant nextWeek() {
        return Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }
}
