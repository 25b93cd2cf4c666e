package dev.oneonone.insights;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.local.SuiteInfrastructure;

/** Publishes events on the meetings and agenda topics exactly as the write services' relays do. */
public final class MeetingsEventsFeed {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private MeetingsEventsFeed() {
    }

    public static String personToken(String organisation, UUID person) {
        return SuiteInfrastructure.signingKey().mint(organisation, person.toString(), List.of("person"),
                Duration.ofMinutes(10));
    }

    public static String integrationToken(String org) {
        return SuiteInfrastructure.signingKey().mint(org, "integration-" + org, List.of("integration"),
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
        Instant now = Instant.now();
        return new EventEnvelope(UUID.randomUUID(), event.type(), "/meetings-service", organisation,
                event.aggregateType(), event.aggregateId(), version, now, now, JSON.writeValueAsString(event));
    }

    /** Wraps a meetings or agenda payload in a fresh envelope that happened at {@code occurredAt}. */
    public static EventEnvelope envelopeAt(String organisation, long version, Object event, Instant occurredAt)
            throws Exception {
        String type;
        String aggregateType;
        UUID aggregate;
        String source;
        if (event instanceof MeetingsEvent meetings) {
            type = meetings.type();
            aggregateType = meetings.aggregateType();
            aggregate = meetings.aggregateId();
            source = "/meetings-service";
        } else {
            AgendaEvent agenda = (AgendaEvent) event;
            type = agenda.type();
            aggregateType = agenda.aggregateType();
            aggregate = agenda.aggregateId();
            source = "/agenda-service";
        }
        return new EventEnvelope(UUID.randomUUID(), type, source, organisation, aggregateType, aggregate, version,
                occurredAt, Instant.now(), JSON.writeValueAsString(event));
    }

    /** Publishes each event on the topic its source writes: agenda-service's or meetings-service's. */
    public static void publish(EventEnvelope... events) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (EventEnvelope event : events) {
                String topic = event.source().equals("/agenda-service") ? Topics.AGENDA : Topics.MEETINGS;
                ProducerRecord<String, String> record = new ProducerRecord<>(topic,
                        event.aggregateId().toString(), event.data());
                CloudEventHeaders.write(event, record.headers());
                producer.send(record).get();
            }
        }
    }
}
