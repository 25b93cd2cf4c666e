package dev.oneonone.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.local.SuiteInfrastructure;

/**
 * Writes an organisation's history as meetings-service and agenda-service would publish it: people,
 * reporting lines, series, held meetings and agreements, each at the time it happened (days before
 * today), on the real topics with the CloudEvents headers of the suite.
 */
public final class OrganisationHistory {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String organisation;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final Map<UUID, Long> versions = new HashMap<>();
    private final List<ProducerRecord<String, String>> records = new ArrayList<>();

    public OrganisationHistory(String organisation) {
        this.organisation = organisation;
    }

    public LocalDate daysAgo(int days) {
        return today.minusDays(days);
    }

    /** Noon UTC, {@code days} before today. */
    public Instant at(int days) {
        return daysAgo(days).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public UUID person(int daysAgo, UUID manager, String team, String department) {
        UUID person = UUID.randomUUID();
        meetings(new PersonRegistered(person, team, department, manager), at(daysAgo));
        return person;
    }

    public void reportsTo(int daysAgo, UUID person, UUID previous, UUID manager) {
        meetings(new ReportingLineChanged(person, previous, manager), at(daysAgo));
    }

    /** A weekly manager–report series started {@code daysAgo}, with one meeting held on each of {@code heldDaysAgo}. */
    public UUID series(int daysAgo, UUID leader, UUID companion, Relationship relationship, int... heldDaysAgo) {
        UUID series = UUID.randomUUID();
        meetings(new SeriesStarted(series, leader, companion, relationship, Cadence.WEEKLY, 30, "UTC",
                daysAgo(daysAgo), null, null), at(daysAgo));
        for (int held : heldDaysAgo) {
            UUID meeting = UUID.randomUUID();
            meetings(new MeetingScheduled(series, meeting, at(held), 30, false), at(held + 1));
            meetings(new MeetingHeld(series, meeting, at(held), 30, MeetingMode.REMOTE), at(held));
        }
        return series;
    }

    /** An agreement made {@code madeDaysAgo}, due {@code dueDaysAgo}, completed {@code completedDaysAgo} (null: open). */
    public void agreement(UUID series, int madeDaysAgo, int dueDaysAgo, Integer completedDaysAgo) {
        UUID agreement = UUID.randomUUID();
        agenda(new AgreementMade(agreement, series, UUID.randomUUID(), AuthorRole.COMPANION, UUID.randomUUID(),
                daysAgo(dueDaysAgo)), at(madeDaysAgo));
        if (completedDaysAgo != null) {
            agenda(new AgreementCompleted(agreement, series), at(completedDaysAgo));
        }
    }

    public void meetings(MeetingsEvent event, Instant occurredAt) {
        add(Topics.MEETINGS, event.type(), "/meetings-service", event.aggregateType(), event.aggregateId(), event,
                occurredAt);
    }

    public void agenda(AgendaEvent event, Instant occurredAt) {
        add(Topics.AGENDA, event.type(), "/agenda-service", event.aggregateType(), event.aggregateId(), event,
                occurredAt);
    }

    private void add(String topic, String type, String source, String aggregateType, UUID aggregate, Object event,
            Instant occurredAt) {
        long version = versions.merge(aggregate, 1L, Long::sum);
        try {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, source, organisation, aggregateType,
                    aggregate, version, occurredAt, Instant.now(), JSON.writeValueAsString(event));
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, aggregate.toString(), envelope.data());
            CloudEventHeaders.write(envelope, record.headers());
            records.add(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends everything written so far, in order. */
    public void publish() throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
        records.clear();
    }

    /** A token of the organisation with these roles, for this subject. */
    public String token(String subject, String... roles) {
        return SuiteInfrastructure.signingKey().mint(organisation, subject, List.of(roles), Duration.ofMinutes(30));
    }
}
