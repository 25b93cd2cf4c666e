package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15, leavers: once agenda-service has consumed a person's EmploymentEnded, their requests are refused from the
 * day after the last day (403 employment-ended) although their token is valid; until then, and again after a
 * PersonRehired, they are served. The other person of the series is unaffected.
 */
@QuarkusTest
class LeaverRequestsTest {
    private static final String ORG = "agenda-leavers";
    private static final String EMPLOYMENT_ENDED = "https://oneonone.dev/problems/employment-ended";

    @Test
    void a_leavers_requests_are_refused_from_the_day_after_their_last_day_until_a_rehire() throws Exception {
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        UUID leavingTomorrow = UUID.randomUUID();
        Instant at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        publish(envelope(ORG, 1, seriesStarted(series, leader, leaver)),
                envelope(ORG, 2, meetingScheduled(series, meeting, at, true)));
        String token = personToken(ORG, leaver);
        awaitAgenda(token, meeting);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate lastDay = today.minusDays(2);
        publish(envelope(ORG, 2, new EmploymentEnded(leaver, lastDay),
                        lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                envelope(ORG, 2, new EmploymentEnded(leavingTomorrow, today.plusDays(1)),
                        today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(token).get("/meetings/{id}/agenda", meeting).statusCode() == 403);
        given().auth().oauth2(token).get("/meetings/{id}/agenda", meeting).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(EMPLOYMENT_ENDED))
                .body("status", equalTo(403));
        given().auth().oauth2(token).get("/series/{id}/agreements", series).then().statusCode(403)
                .body("type", equalTo(EMPLOYMENT_ENDED));
        // the other person of the series, and someone whose last day has not passed yet, are served
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", meeting).then().statusCode(200);
        given().auth().oauth2(personToken(ORG, leavingTomorrow)).get("/meetings/{id}/agenda", UUID.randomUUID())
                .then().statusCode(404);

        // an HR (or director) token of the leaver is refused as well: it is the same person
        given().auth().oauth2(token(leaver, "hr")).get("/templates").then().statusCode(403)
                .body("type", equalTo(EMPLOYMENT_ENDED));
        given().auth().oauth2(token(leader, "hr")).get("/templates").then().statusCode(200);

        publish(envelope(ORG, 3, new PersonRehired(leaver, today, "platform", "ENG", leader)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(token).get("/meetings/{id}/agenda", meeting).statusCode() == 200);
    }

    /**
     * The day after the last day begins when the organisation's calendar says, as the EmploymentEnded's occurredAt
     * tells (meetings-service records it at that day's start in the organisation's zone), not at midnight UTC: a
     * zone ahead of UTC refuses before midnight UTC, a zone behind serves after it.
     */
    @Test
    void the_day_after_begins_in_the_organisations_zone() throws Exception {
        UUID person = UUID.randomUUID();
        Instant now = Instant.now();
        LocalDate todayUtc = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long hoursIntoTheDay = Duration.between(todayUtc.atStartOfDay(ZoneOffset.UTC).toInstant(), now).toHours();
        boolean ahead = hoursIntoTheDay >= 11; // UTC+14 begins tomorrow before now; else UTC-12 begins today after now
        ZoneOffset zone = ZoneOffset.ofHours(ahead ? 14 : -12);
        LocalDate lastDay = ahead ? todayUtc : todayUtc.minusDays(1);
        publish(envelope(ORG, 1, new EmploymentEnded(person, lastDay), lastDay.plusDays(1).atStartOfDay(zone).toInstant()));
        String token = personToken(ORG, person);
        if (ahead) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    given().auth().oauth2(token).get("/templates").statusCode() == 403);
        } else {
            Thread.sleep(3000); // the event is consumed meanwhile; the person is still employed in their calendar
            given().auth().oauth2(token).get("/templates").then().statusCode(200);
        }
    }

    private static String token(UUID person, String role) {
        return SuiteInfrastructure.signingKey().mint(ORG, person.toString(), List.of(role), Duration.ofMinutes(10));
    }
}
