package dev.oneonone.insights.messaging;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13, case 1 for insights-service: PostgreSQL away for 15 s (the old retry budget was about 6 to 8 s) while
 * events arrive; the consumer says it is behind, then applies every event exactly once after PostgreSQL returns,
 * without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {
    private static final String ORG = "outage-org";

    @Test
    void the_consumer_waits_out_a_database_outage_and_applies_every_event_once() throws Exception {
        LocalPostgres postgres = SuiteInfrastructure.postgres();
        UUID warmSeries = UUID.randomUUID();
        EventEnvelope warm = envelope(ORG, 1, seriesStarted(warmSeries, UUID.randomUUID(), UUID.randomUUID()));
        publish(warm);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> observed(postgres, warm.id()) == 1);

        List<EventEnvelope> events = new ArrayList<>();
        List<UUID> meetings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID series = UUID.randomUUID();
            UUID meeting = UUID.randomUUID();
            meetings.add(meeting);
            events.add(envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID())));
            events.add(envelope(ORG, 2, meetingScheduled(series, meeting, Instant.now().plus(1, ChronoUnit.DAYS), true)));
        }

        postgres.stop();
        Instant restarted;
        try {
            publish(events.toArray(EventEnvelope[]::new));
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().get("/q/health/well").statusCode() == 503);
            given().get("/q/health/well").then()
                    .body("checks.find { it.name == 'consumers' }.status", equalTo("DOWN"));
            Thread.sleep(15_000);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("consumer_retrying{consumer=\"meetings-events\"} 1.0"));
        } finally {
            postgres.restart();
            restarted = Instant.now();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> observed(postgres, events.get(events.size() - 1).id()) == 1);
        Duration caughtUp = Duration.between(restarted, Instant.now());
        System.out.printf("insights-service caught up %d ms after PostgreSQL returned%n", caughtUp.toMillis());
        assertTrue(caughtUp.compareTo(Duration.ofSeconds(10)) < 0, "caught up within 10 s, took " + caughtUp);
        for (EventEnvelope event : events) {
            assertEquals(1, observed(postgres, event.id()), "each event in the history once");
        }
        try (Connection connection = connect(postgres)) {
            for (UUID meeting : meetings) {
                assertEquals(1, count(connection, "select count(*) from meeting_timeline where meeting_id = ?", meeting));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/q/health/well").statusCode() == 200);
        given().get("/q/metrics").then().body(containsString("consumer_retrying{consumer=\"meetings-events\"} 0.0"));
    }

    private static long observed(LocalPostgres postgres, UUID eventId) {
        try (Connection connection = connect(postgres)) {
            return count(connection, "select count(*) from observed_event where event_id = ?", eventId);
        } catch (Exception databaseAway) {
            return -1;
        }
    }

    private static Connection connect(LocalPostgres postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("insights"), postgres.username(), postgres.password());
    }

    private static long count(Connection connection, String sql, UUID id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
