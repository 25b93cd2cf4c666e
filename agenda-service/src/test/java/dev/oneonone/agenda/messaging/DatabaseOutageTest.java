package dev.oneonone.agenda.messaging;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.application.templates.BuiltInTemplate;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13, case 1: PostgreSQL away for longer than the consumer's old retry budget (five retries, about 6 to 8 s)
 * while events arrive. The consumer must not stop: it says it is behind (wellness DOWN, {@code consumer_retrying 1}),
 * and once PostgreSQL is back it applies every event exactly once, without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {
    private static final String ORG = "outage-org";
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void the_consumer_waits_out_a_database_outage_and_applies_every_event_once() throws Exception {
        // the consumer is running
        UUID warmSeries = UUID.randomUUID();
        UUID warmMeeting = UUID.randomUUID();
        UUID warmCompanion = UUID.randomUUID();
        publish(envelope(ORG, 1, seriesStarted(warmSeries, UUID.randomUUID(), warmCompanion)),
                envelope(ORG, 2, meetingScheduled(warmSeries, warmMeeting, Instant.now().plus(1, ChronoUnit.DAYS), true)));
        awaitAgenda(personToken(ORG, warmCompanion), warmMeeting);

        LocalPostgres postgres = SuiteInfrastructure.postgres();
        List<UUID> companions = new ArrayList<>();
        List<UUID> firstMeetings = new ArrayList<>();
        List<UUID> laterMeetings = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID series = UUID.randomUUID();
            UUID companion = UUID.randomUUID();
            UUID first = UUID.randomUUID();
            UUID later = UUID.randomUUID();
            companions.add(companion);
            firstMeetings.add(first);
            laterMeetings.add(later);
            events.add(envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), companion)));
            events.add(envelope(ORG, 2, meetingScheduled(series, first, Instant.now().plus(1, ChronoUnit.DAYS), true)));
            events.add(envelope(ORG, 3, meetingScheduled(series, later, Instant.now().plus(8, ChronoUnit.DAYS), false)));
        }

        postgres.stop();
        Instant restarted;
        try {
            publish(events.toArray(EventEnvelope[]::new));
            // behind, not dead: the wellness check and the metric say so while the API process stays up
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().get("/q/health/well").statusCode() == 503);
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'consumers' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'consumers' }.data.'meetings-events.retrying-since'",
                            org.hamcrest.Matchers.notNullValue());
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("consumer_retrying{consumer=\"meetings-events\"} 1.0"));
            // the events wait, counted per partition from the group's committed offsets
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> consumerLag(given().get("/q/metrics").asString())
                    .values().stream().mapToDouble(Double::doubleValue).sum() >= events.size());
            Thread.sleep(OUTAGE.toMillis());
            // still retrying after well over the old budget
            given().get("/q/metrics").then().body(containsString("consumer_retrying{consumer=\"meetings-events\"} 1.0"));
        } finally {
            postgres.restart();
            restarted = Instant.now();
        }

        for (int i = 0; i < companions.size(); i++) {
            String token = personToken(ORG, companions.get(i));
            awaitAgenda(token, firstMeetings.get(i));
            awaitAgenda(token, laterMeetings.get(i));
        }
        Duration caughtUp = Duration.between(restarted, Instant.now());
        System.out.printf("agenda-service caught up %d ms after PostgreSQL returned%n", caughtUp.toMillis());
        assertTrue(caughtUp.compareTo(Duration.ofSeconds(10)) < 0, "caught up within 10 s, took " + caughtUp);

        // exactly once: each event recorded once, each first meeting's template applied once
        int templateTopics = BuiltInTemplate.FIRST_MEETING.questions().size();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("agenda"), postgres.username(),
                postgres.password())) {
            for (EventEnvelope event : events) {
                assertEquals(1, count(connection, "select count(*) from processed_event where event_id = ?", event.id()));
            }
            for (UUID meeting : firstMeetings) {
                assertEquals(templateTopics, count(connection, "select count(*) from topic where meeting_id = ?", meeting),
                        "the first-meeting template's topics, once");
                assertEquals(1, count(connection,
                        "select count(*) from event where stream_id = ? and event_type like '%TemplateApplied'", meeting));
            }
            for (UUID meeting : laterMeetings) {
                assertEquals(0, count(connection, "select count(*) from topic where meeting_id = ?", meeting));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/q/health/well").statusCode() == 200);
        given().get("/q/metrics").then().body(containsString("consumer_retrying{consumer=\"meetings-events\"} 0.0"));

        // consumer lag per partition: one series per partition of the topic, 0 once applied and committed
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Double> lagByPartition = consumerLag(given().get("/q/metrics").asString());
            assertEquals(Set.of("0", "1", "2"), lagByPartition.keySet(), "a lag series for each of the topic's 3 partitions");
            lagByPartition.forEach((partition, lag) -> assertEquals(0.0, lag, "lag of partition " + partition));
        });
    }

    /** partition -> {@code consumer_lag_records} of the meetings-events consumer, from the Prometheus text. */
    static Map<String, Double> consumerLag(String metrics) {
        Pattern line = Pattern.compile("^consumer_lag_records\\{(.*)} (\\S+)$", Pattern.MULTILINE);
        Pattern partitionLabel = Pattern.compile("partition=\"(\\d+)\"");
        Map<String, Double> lag = new TreeMap<>();
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            String labels = matcher.group(1);
            Matcher partition = partitionLabel.matcher(labels);
            if (labels.contains("consumer=\"meetings-events\"") && labels.contains("topic=\"" + Topics.MEETINGS + "\"")
                    && partition.find()) {
                lag.put(partition.group(1), Double.parseDouble(matcher.group(2)));
            }
        }
        return lag;
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
