package dev.oneonone.meetings.messaging;

import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class OutboxRelayTest {
    private static final String ORG = "relay-org";

    @Inject
    DataSource dataSource;

    @Test
    void stored_events_reach_kafka_as_cloudevents_in_order() throws Exception {
        UUID series = UUID.fromString(startWeeklySeries(ORG));
        scheduleMeeting(ORG, series.toString(), Instant.now().plusSeconds(86_400)).statusCode(201);

        List<ConsumerRecord<String, String>> records = PublishedEvents.ofAggregate(series, 2, Duration.ofSeconds(30));

        assertEquals(2, records.size());
        ConsumerRecord<String, String> first = records.get(0);
        assertEquals("1.0", CloudEventHeaders.get(first.headers(), CloudEventHeaders.SPEC_VERSION));
        assertEquals("application/json", CloudEventHeaders.get(first.headers(), CloudEventHeaders.CONTENT_TYPE));
        EventEnvelope started = PublishedEvents.envelope(first);
        EventEnvelope scheduled = PublishedEvents.envelope(records.get(1));
        assertEquals("oneonone.meetings.SeriesStarted", started.type());
        assertEquals("oneonone.meetings.MeetingScheduled", scheduled.type());
        assertEquals(series, started.aggregateId());
        assertEquals(ORG, started.organisationId());
        assertEquals("series", started.aggregateType());
        assertEquals("/meetings-service", started.source());
        assertEquals(List.of(1L, 2L), List.of(started.aggregateVersion(), scheduled.aggregateVersion()));
        assertEquals(series.toString(), new ObjectMapper().readTree(started.data()).path("seriesId").asText());
    }

    @Test
    void events_stored_while_kafka_is_down_go_out_once_each_in_order_when_it_returns() throws Exception {
        SuiteInfrastructure.kafka().stop();
        UUID series;
        try {
            series = UUID.fromString(startWeeklySeries(ORG));
            scheduleMeeting(ORG, series.toString(), Instant.now().plusSeconds(86_400)).statusCode(201);
            scheduleMeeting(ORG, series.toString(), Instant.now().plusSeconds(8 * 86_400)).statusCode(201);
            // give the relay several rounds against the missing broker
            Thread.sleep(4000);
            assertEquals(3, unpublished(series), "events wait in the store while Kafka is down");
        } finally {
            SuiteInfrastructure.kafka().restart();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(series) == 0);
        List<ConsumerRecord<String, String>> records = PublishedEvents.ofAggregate(series, 3, Duration.ofSeconds(30));

        List<UUID> published = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = PublishedEvents.envelope(record);
            published.add(event.id());
            versions.add(event.aggregateVersion());
        }
        assertEquals(storedEventIds(series), published, "every stored event exactly once, in stored order");
        assertEquals(List.of(1L, 2L, 3L), versions);
    }

    @Test
    void an_event_whose_transaction_commits_after_a_later_one_is_still_published() throws Exception {
        UUID slowSeries = UUID.randomUUID();
        UUID fastSeries;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            // takes its position first, but commits last
            insertSeriesStarted(slow, slowSeries);
            fastSeries = UUID.fromString(startWeeklySeries(ORG));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(fastSeries) == 0);
            slow.commit();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(slowSeries) == 0);
        List<ConsumerRecord<String, String>> records = PublishedEvents.ofAggregate(slowSeries, 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals(storedEventIds(slowSeries).get(0), PublishedEvents.envelope(records.get(0)).id());
    }

    private static void insertSeriesStarted(Connection connection, UUID series) throws SQLException {
        String payload = "{\"seriesId\":\"" + series + "\",\"leaderId\":\"" + UUID.randomUUID()
                + "\",\"companionId\":\"" + UUID.randomUUID() + "\",\"relationship\":\"PEER\",\"cadence\":\"WEEKLY\","
                + "\"plannedMinutes\":30,\"timeZone\":\"UTC\",\"startsOn\":\"2026-11-20\"}";
        String sql = "insert into event (event_id, organisation_id, stream_type, stream_id, version, event_type,"
                + " occurred_at, recorded_at, payload)"
                + " values (?, ?, 'series', ?, 1, 'oneonone.meetings.SeriesStarted', now(), now(), ?::jsonb)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, ORG);
            insert.setObject(3, series);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
    }

    private long unpublished(UUID series) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from event where stream_id = ? and published_at is null")) {
            q.setObject(1, series);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<UUID> storedEventIds(UUID series) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select event_id, published_at from event where stream_id = ? order by version")) {
            q.setObject(1, series);
            try (ResultSet rs = q.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    assertNotNull(rs.getTimestamp(2));
                }
                return ids;
            }
        }
    }
}
