package dev.oneonone.meetings.rest;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.local.SuiteInfrastructure;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The calls the tests make, in the words of the API, with bearer tokens signed by the test run's key. */
public final class MeetingsApi {

    private MeetingsApi() {
    }

    public static String integrationToken(String organisation) {
        return SuiteInfrastructure.signingKey().mint(organisation, "integration-" + organisation,
                List.of("integration"), Duration.ofMinutes(10));
    }

    public static String personToken(String organisation, UUID person) {
        return SuiteInfrastructure.signingKey().mint(organisation, person.toString(), List.of("person"),
                Duration.ofMinutes(10));
    }

    /** A request with the given bearer token (none when null). */
    public static RequestSpecification with(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    /** A request of the organisation's HR platform (role integration). */
    public static RequestSpecification as(String organisation) {
        return with(integrationToken(organisation));
    }

    public static Map<String, Object> weeklySeries(UUID leader, UUID companion) {
        return Map.of("leaderId", leader.toString(), "companionId", companion.toString(),
                "relationship", "MANAGER_REPORT", "cadence", "WEEKLY", "timeZone", "Europe/Berlin");
    }

    public static ValidatableResponse startSeries(String organisation, Map<String, Object> body) {
        return as(organisation).body(body).post("/series").then();
    }

    public static String startWeeklySeries(String organisation) {
        return startWeeklySeries(organisation, UUID.randomUUID(), UUID.randomUUID());
    }

    public static String startWeeklySeries(String organisation, UUID leader, UUID companion) {
        return startSeries(organisation, weeklySeries(leader, companion)).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse scheduleMeeting(String organisation, String seriesId, Instant at) {
        return as(organisation).body(Map.of("scheduledFor", at.toString()))
                .post("/series/{id}/meetings", seriesId).then();
    }

    /** Imports one running series (its people new) whose first meeting passed yesterday with no outcome yet. */
    public static ValidatableResponse importSeriesWithPastMeeting(String organisation, Instant pastMeeting,
            Instant futureMeeting) {
        Map<String, Object> series = Map.of("leaderId", UUID.randomUUID().toString(),
                "companionId", UUID.randomUUID().toString(), "relationship", "MANAGER_REPORT", "cadence", "WEEKLY",
                "timeZone", "UTC", "startsOn", pastMeeting.minus(10, ChronoUnit.DAYS).toString().substring(0, 10),
                "meetings", List.of(Map.of("scheduledFor", pastMeeting.toString()),
                        Map.of("scheduledFor", futureMeeting.toString())));
        return as(organisation).body(Map.of("series", List.of(series))).post("/series/import").then();
    }

    /** Starts a weekly series and schedules {@code count} meetings into it, an hour apart from tomorrow on. */
    public static String seriesWithMeetings(String organisation, int count) {
        String series = startWeeklySeries(organisation);
        Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < count; i++) {
            scheduleMeeting(organisation, series, first.plus(i, ChronoUnit.HOURS)).statusCode(201);
        }
        return series;
    }

    public static Instant nextWeek() {
        return Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }
}
