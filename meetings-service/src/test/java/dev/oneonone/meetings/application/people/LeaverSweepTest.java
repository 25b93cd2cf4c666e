package dev.oneonone.meetings.application.people;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.meetings.messaging.PublishedEvents;
import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 15, leavers: from the day after a person's last day their series end (SeriesEnded, reason EMPLOYMENT_ENDED,
 * endedOn the day after, at the start of that day however late recorded), their token is refused (403
 * employment-ended) although valid, and their feeds and their series' feeds answer 404. Until then nothing changes.
 */
@QuarkusTest
class LeaverSweepTest {
    /** Everyone here started a month ago: an employment may not end before it began. */
    private static final LocalDate MONTH_AGO = LocalDate.now(ZoneOffset.UTC).minusDays(30);

    private static final String ORG = "leavers-org";
    private static final String EMPLOYMENT_ENDED = "https://oneonone.dev/problems/employment-ended";

    @Inject
    LeaverSweep sweep;

    @Inject
    DataSource dataSource;

    @Test
    void a_leaver_past_their_last_day_loses_series_requests_and_feeds() throws Exception {
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        UUID manager = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), null, MONTH_AGO);
        UUID leaver = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), manager, MONTH_AGO);
        String series = startWeeklySeries(ORG, manager, leaver);
        String leaverToken = personToken(ORG, leaver);
        with(leaverToken).get("/series/{id}", series).then().statusCode(200);
        String personFeed = with(leaverToken).body(Map.of()).post("/calendar/feeds").then().statusCode(201)
                .extract().path("url");
        String seriesFeed = with(personToken(ORG, manager)).body(Map.of("seriesId", series)).post("/calendar/feeds")
                .then().statusCode(201).extract().path("url");

        as(ORG).body(Map.of("lastDay", lastDay.toString())).post("/people/{id}/employment-end", leaver).then()
                .statusCode(200);

        // recorded late: the series ended on the day after the last day, from its start
        LocalDate endedOn = lastDay.plusDays(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(
                as(ORG).get("/series/{id}", series).path("status")));
        as(ORG).get("/series/{id}", series).then()
                .body("endReason", equalTo("EMPLOYMENT_ENDED"))
                .body("endedOn", equalTo(endedOn.toString()))
                .body("endedAt", equalTo(endedOn.atStartOfDay(ZoneOffset.UTC).toInstant().toString()));

        List<ConsumerRecord<String, String>> published = PublishedEvents.ofAggregate(UUID.fromString(series), 2,
                Duration.ofSeconds(30));
        EventEnvelope ended = PublishedEvents.envelope(published.get(published.size() - 1));
        assertEquals("oneonone.meetings.SeriesEnded", ended.type());
        JsonNode data = new ObjectMapper().readTree(ended.data());
        assertEquals("EMPLOYMENT_ENDED", data.path("reason").asText());
        assertEquals(endedOn.toString(), data.path("endedOn").asText());
        assertEquals(endedOn.atStartOfDay(ZoneOffset.UTC).toInstant(), ended.occurredAt());

        // the token is still valid, but not the leaver's requests, on any endpoint
        for (String path : List.of("/series/" + series, "/people/" + leaver, "/series")) {
            with(leaverToken).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(EMPLOYMENT_ENDED))
                    .body("detail", containsString("employment here has ended"));
        }
        with(leaverToken).body(Map.of()).post("/calendar/feeds").then().statusCode(403)
                .body("type", equalTo(EMPLOYMENT_ENDED));
        // others are unaffected: the manager, and the integration
        with(personToken(ORG, manager)).get("/series/{id}", series).then().statusCode(200);
        as(ORG).get("/people/{id}", leaver).then().statusCode(200);

        given().get(personFeed).then().statusCode(404).contentType("application/problem+json");
        given().get(seriesFeed).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void until_the_day_after_the_last_day_nothing_changes() {
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        UUID manager = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), null, MONTH_AGO);
        UUID leaving = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), manager, MONTH_AGO);
        String series = startWeeklySeries(ORG, manager, leaving);
        String url = with(personToken(ORG, leaving)).body(Map.of()).post("/calendar/feeds").then().statusCode(201)
                .extract().path("url");

        as(ORG).body(Map.of("lastDay", lastDay.toString())).post("/people/{id}/employment-end", leaving).then()
                .statusCode(200);
        assertEquals(0, sweep.sweep(Instant.now()));

        with(personToken(ORG, leaving)).get("/series/{id}", series).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("endReason", nullValue());
        given().get(url).then().statusCode(200);
        // the day after the last day has come (as the sweep sees it): the series ends
        Instant dayAfter = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sweep.sweep(dayAfter) >= 0
                && "ENDED".equals(as(ORG).get("/series/{id}", series).path("status")));
        as(ORG).get("/series/{id}", series).then().body("endedOn", equalTo(lastDay.plusDays(1).toString()));
    }

    @Test
    void the_sweep_ends_a_series_once_however_often_it_runs() throws Exception {
        UUID manager = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), null, MONTH_AGO);
        UUID leaver = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), manager, MONTH_AGO);
        String series = startWeeklySeries(ORG, manager, leaver);
        as(ORG).body(Map.of("lastDay", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .post("/people/{id}/employment-end", leaver).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(
                as(ORG).get("/series/{id}", series).path("status")));

        assertEquals(0, sweep.sweep(Instant.now()));
        assertEquals(0, sweep.sweep(Instant.now()));
        assertEquals(1, endedEvents(UUID.fromString(series)));
    }

    @Test
    void a_series_ended_by_a_participant_says_so_and_on_which_day_of_its_zone() {
        UUID leader = UUID.randomUUID();
        String series = startWeeklySeries(ORG, leader, UUID.randomUUID());
        with(personToken(ORG, leader)).post("/series/{id}/end", series).then().statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("endReason", equalTo("ENDED_BY_PARTICIPANT"))
                .body("endedOn", equalTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString()));
    }

    private long endedEvents(UUID series) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from event where stream_id = ? and event_type = 'oneonone.meetings.SeriesEnded'")) {
            query.setObject(1, series);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
