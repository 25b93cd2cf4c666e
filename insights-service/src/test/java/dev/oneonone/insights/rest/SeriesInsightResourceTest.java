package dev.oneonone.insights.rest;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
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
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class SeriesInsightResourceTest {
    private static final String ORG = "acme";

    @Inject
    DataSource dataSource;

    @Test
    void reports_the_series_and_its_next_meeting() throws Exception {
        UUID series = UUID.randomUUID();
        UUID soon = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        Instant soonAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        publish(envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID())),
                envelope(ORG, 2, meetingScheduled(series, later, soonAt.plus(7, ChronoUnit.DAYS), false)),
                envelope(ORG, 3, meetingScheduled(series, soon, soonAt, true)));

        awaitSeries(series, r -> r.path("meetingsScheduled").equals(2))
                .then()
                .body("cadence", equalTo("WEEKLY"))
                .body("nextMeeting.meetingId", equalTo(soon.toString()))
                .body("nextMeeting.scheduledFor", equalTo(soonAt.toString()));
    }

    @Test
    void the_next_meeting_follows_reschedules_and_cancellations() throws Exception {
        UUID series = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant firstAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant secondAt = firstAt.plus(2, ChronoUnit.DAYS);
        publish(envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID())),
                envelope(ORG, 2, meetingScheduled(series, first, firstAt, true)),
                envelope(ORG, 3, meetingScheduled(series, second, secondAt, false)),
                // the first moves after the second: the second is next now
                envelope(ORG, 4, new MeetingRescheduled(series, first, firstAt, secondAt.plus(1, ChronoUnit.DAYS),
                        ActorRole.INTEGRATION, null, RescheduleReason.TRAVEL)));

        awaitSeries(series, r -> second.toString().equals(r.path("nextMeeting.meetingId")));

        publish(envelope(ORG, 5, new MeetingCancelled(series, second, ActorRole.INTEGRATION, null,
                CancelReason.CONFLICT)));

        awaitSeries(series, r -> first.toString().equals(r.path("nextMeeting.meetingId")));
    }

    @Test
    void a_series_without_meetings_ahead_has_no_next_meeting() throws Exception {
        UUID series = UUID.randomUUID();
        publish(envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID())));

        awaitSeries(series, r -> true).then().body("meetingsScheduled", equalTo(0)).body("nextMeeting", nullValue());
    }

    @Test
    void the_same_event_delivered_twice_changes_nothing() throws Exception {
        UUID series = UUID.randomUUID();
        EventEnvelope started = envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID()));
        EventEnvelope scheduled = envelope(ORG, 2,
                meetingScheduled(series, UUID.randomUUID(), Instant.now().plusSeconds(3600), true));
        EventEnvelope marker = envelope(ORG, 3,
                meetingScheduled(series, UUID.randomUUID(), Instant.now().plusSeconds(7200), false));

        publish(started, scheduled, scheduled, started, marker);

        // once the marker (sent after the duplicates) is in, the duplicates have been seen too
        awaitSeries(series, r -> r.path("meetingsScheduled").equals(2));
        assertEquals(3, historyCount(series), "each event id is kept once in the history");
        seriesToday(series).then().body("meetingsScheduled", equalTo(2));
    }

    @Test
    void another_organisations_series_is_not_found() throws Exception {
        UUID series = UUID.randomUUID();
        publish(envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID())));
        awaitSeries(series, r -> true);

        given().auth().oauth2(integrationToken("globex")).get("/series/{id}", series).then().statusCode(404);
    }

    @Test
    void a_limit_or_weeks_that_is_not_a_whole_number_is_400_naming_the_parameter() {
        UUID series = UUID.randomUUID();
        for (String[] bad : new String[][] { { "/series?limit=abc", "limit" }, { "/series?limit=1.5", "limit" },
                { "/series/" + series + "/trend?weeks=abc", "weeks" }, { "/series/" + series + "/trend?weeks=2.5", "weeks" } }) {
            given().auth().oauth2(integrationToken(ORG)).urlEncodingEnabled(false).get(bad[0]).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://oneonone.dev/problems/invalid-input"))
                    .body("errors[0].field", equalTo(bad[1]))
                    .body("errors[0].reason", equalTo("not-a-whole-number"))
                    .body("errors[0].message", equalTo("must be a whole number"));
        }
        given().auth().oauth2(integrationToken(ORG)).get("/series?limit=5").then().statusCode(200);
        given().auth().oauth2(integrationToken(ORG)).get("/series/{id}/trend?weeks=0", series).then().statusCode(400)
                .body("errors[0].field", equalTo("weeks"));
    }

    private static String integrationToken(String organisation) {
        return SuiteInfrastructure.signingKey().mint(organisation, "integration-" + organisation,
                java.util.List.of("integration"), Duration.ofMinutes(10));
    }

    private long historyCount(UUID series) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from observed_event where aggregate_id = ?")) {
            q.setObject(1, series);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Response awaitSeries(UUID series, Predicate<Response> ready) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> seriesToday(series),
                        r -> r.statusCode() == 200 && ready.test(r));
    }

    /**
     * The series as of today in its own time zone (the feed's series are in Europe/Berlin): without asOf the
     * service takes today in the organisation's zone (UTC here), and from 23:00 UTC a meeting scheduled now falls
     * on Berlin's tomorrow, so "meetingsScheduled" would rightly not count it yet.
     */
    private static Response seriesToday(UUID series) {
        return given().auth().oauth2(integrationToken(ORG)).queryParam("asOf", LocalDate.now(ZoneId.of("Europe/Berlin")).toString())
                .get("/series/{id}", series);
    }
}
