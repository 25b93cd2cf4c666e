package dev.oneonone.insights.application;

import static dev.oneonone.insights.MeetingsEventsFeed.envelopeAt;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.Topics;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.events.schema.RecordContract;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * SeriesHealthChanged reaches oneonone.insights.v1 through the outbox when a series' health or
 * recommendations change, after an event or on the scheduled re-assessment, and matches the AsyncAPI
 * document the service serves.
 */
@QuarkusTest
class SeriesHealthChangedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HealthReassessment reassessment;

    @Inject
    DataSource dataSource;

    @Test
    void a_gap_then_a_held_meeting_publish_the_changes_as_the_contract_says() throws Exception {
        String org = "health-" + UUID.randomUUID().toString().substring(0, 8);
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // an hour ago, but not before today's start (UTC): held yesterday would make the gap 1 between 00:00 and 01:00
        Instant startOfToday = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        hourAgo = hourAgo.isBefore(startOfToday) ? startOfToday : hourAgo;
        publish(envelopeAt(org, 1, new SeriesStarted(series, UUID.randomUUID(), UUID.randomUUID(),
                Relationship.MANAGER_REPORT, Cadence.WEEKLY, 30, "UTC", today.minusDays(30), null, null),
                Instant.now().minus(31, ChronoUnit.DAYS)));

        ConsumerRecord<String, String> overdue = changes(series, 1).get(0);
        JsonNode first = JSON.readTree(overdue.value());
        assertEquals("OVERDUE", first.path("health").asText());
        assertTrue(first.path("previousHealth").isMissingNode() || first.path("previousHealth").isNull());
        assertEquals(30, first.path("gapDays").asInt());
        assertEquals("[\"GAP_OVER_TWO_WEEKS\"]", first.path("recommendations").toString());
        assertEquals(series.toString(), overdue.key());
        assertEquals("oneonone.insights.SeriesHealthChanged", CloudEventHeaders.get(overdue.headers(), CloudEventHeaders.TYPE));
        assertEquals(org, CloudEventHeaders.get(overdue.headers(), CloudEventHeaders.ORGANISATION));

        publish(envelopeAt(org, 2, new MeetingScheduled(series, meeting, hourAgo, 30, true), hourAgo.minusSeconds(600)),
                envelopeAt(org, 3, new MeetingHeld(series, meeting, hourAgo, 30, MeetingMode.REMOTE), hourAgo.plusSeconds(1800)));

        List<ConsumerRecord<String, String>> both = changes(series, 2);
        JsonNode second = JSON.readTree(both.get(1).value());
        assertEquals("HEALTHY", second.path("health").asText());
        assertEquals("OVERDUE", second.path("previousHealth").asText());
        assertEquals(0, second.path("gapDays").asInt());
        assertEquals("[]", second.path("recommendations").toString());
        assertEquals("2", CloudEventHeaders.get(both.get(1).headers(), CloudEventHeaders.AGGREGATE_VERSION));

        // changes() checked every record against the served AsyncAPI document, which names this topic
        JsonNode document = JSON.readTree(given().get("/asyncapi").then().statusCode(200).extract().asString());
        assertEquals(Topics.INSIGHTS, document.path("channels").path("insightsEvents").path("address").asText());
    }

    @Test
    void the_scheduled_re_assessment_publishes_what_changed_since_the_last_assessment() throws Exception {
        String org = "reassess-" + UUID.randomUUID().toString().substring(0, 8);
        UUID series = UUID.randomUUID();
        publish(envelopeAt(org, 1, new SeriesStarted(series, UUID.randomUUID(), UUID.randomUUID(),
                Relationship.MENTOR_MENTEE, Cadence.BIWEEKLY, 30, "UTC", LocalDate.now(ZoneOffset.UTC), null, null),
                Instant.now()));
        assertEquals("HEALTHY", JSON.readTree(changes(series, 1).get(0).value()).path("health").asText());

        // as if the last assessment, yesterday, had found it at risk: today's differs
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "update series_assessment set health = 'AT_RISK' where series_id = ?")) {
            update.setObject(1, series);
            assertEquals(1, update.executeUpdate());
        }
        Integer changed = reassessment.reassess(org).await().atMost(Duration.ofSeconds(30));
        assertEquals(1, changed);
        assertEquals(0, reassessment.reassess(org).await().atMost(Duration.ofSeconds(30)), "nothing new the second time");

        JsonNode second = JSON.readTree(changes(series, 2).get(1).value());
        assertEquals("HEALTHY", second.path("health").asText());
        assertEquals("AT_RISK", second.path("previousHealth").asText());
    }

    /**
     * The SeriesHealthChanged records of one series on the insights topic, waiting until {@code expected} are there;
     * every record read on the way is checked against the AsyncAPI document the service serves.
     */
    private static List<ConsumerRecord<String, String>> changes(UUID series, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        RecordContract contract = new RecordContract(given().get("/asyncapi").then().statusCode(200).extract().asString());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.INSIGHTS));
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    contract.check(record);
                    if (record.key().equals(series.toString())) {
                        found.add(record);
                    }
                }
            }
        }
        assertEquals(expected, found.size(), "SeriesHealthChanged records of " + series);
        return found;
    }
}
