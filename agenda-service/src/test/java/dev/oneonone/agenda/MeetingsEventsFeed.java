package dev.oneonone.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.local.SuiteInfrastructure;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Publishes events on the meetings topic exactly as meetings-service's relay does. */
public final class MeetingsEventsFeed {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private MeetingsEventsFeed() {
    }

    public static String personToken(String organisation, UUID person) {
        return SuiteInfrastructure.signingKey().mint(organisation, person.toString(), List.of("person"),
                Duration.ofMinutes(10));
    }

    public static SeriesStarted seriesStarted(UUID series, UUID leader, UUID companion) {
        return new SeriesStarted(series, leader, companion, Relationship.MANAGER_REPORT, Cadence.WEEKLY, 30,
                "Europe/Berlin", LocalDate.now(), null, null);
    }

    public static MeetingScheduled meetingScheduled(UUID series, UUID meeting, Instant at, boolean first) {
        return new MeetingScheduled(series, meeting, at, 30, first);
    }

    /** Wraps a payload in a fresh envelope (new event id) at the given stream version. */
    public static EventEnvelope envelope(String organisation, long version, MeetingsEvent event) throws Exception {
        return envelope(organisation, version, event, Instant.now());
    }

    /** Wraps a payload in a fresh envelope that says it happened (and was recorded) at {@code occurredAt}. */
    public static EventEnvelope envelope(String organisation, long version, MeetingsEvent event, Instant occurredAt)
            throws Exception {
        return new EventEnvelope(UUID.randomUUID(), event.type(), "/meetings-service", organisation,
                event.aggregateType(), event.aggregateId(), version, occurredAt, occurredAt, JSON.writeValueAsString(event));
    }

    /** An envelope of a change that happened at {@code occurredAt} and was recorded later, at {@code recordedAt}. */
    public static EventEnvelope envelope(String organisation, long version, MeetingsEvent event, Instant occurredAt,
            Instant recordedAt) throws Exception {
        return new EventEnvelope(UUID.randomUUID(), event.type(), "/meetings-service", organisation,
                event.aggregateType(), event.aggregateId(), version, occurredAt, recordedAt, JSON.writeValueAsString(event));
    }

    /** A new series with {@code companion} and one meeting {@code in} from now, visible to them: the meeting's id. */
    public static UUID aMeetingOf(String organisation, UUID companion, Duration in) throws Exception {
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, UUID.randomUUID(), companion)),
                envelope(organisation, 2, meetingScheduled(series, meeting, Instant.now().plus(in), false)));
        awaitAgenda(personToken(organisation, companion), meeting);
        return meeting;
    }

    /** Waits until the agenda is visible to the token's holder, then answers it. */
    public static ValidatableResponse awaitAgenda(String token, UUID meeting) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> RestAssured.given().auth().oauth2(token).get("/meetings/{id}/agenda", meeting)
                        .statusCode() == 200);
        return RestAssured.given().auth().oauth2(token).get("/meetings/{id}/agenda", meeting).then().statusCode(200);
    }

    public static void publish(EventEnvelope... events) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (EventEnvelope event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MEETINGS,
                        event.aggregateId().toString(), event.data());
                CloudEventHeaders.write(event, record.headers());
                producer.send(record).get();
            }
        }
    }
}
