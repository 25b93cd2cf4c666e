package dev.oneonone.insights.messaging;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.insights.directory.DirectoryProjection;
import dev.oneonone.insights.projection.SeriesInsightProjection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records each consumed event in the insights history and applies it to the projections, both in
 * one transaction and only on its first delivery (the history is keyed by event id).
 */
@ApplicationScoped
public class SuiteEventsConsumer {
    private static final Logger LOG = Logger.getLogger(SuiteEventsConsumer.class);

    private final SeriesInsightProjection projection;
    private final DirectoryProjection directory;
    private final ObjectMapper mapper;

    public SuiteEventsConsumer(SeriesInsightProjection projection, DirectoryProjection directory, ObjectMapper mapper) {
        this.projection = projection;
        this.directory = directory;
        this.mapper = mapper;
    }

    @Incoming("meetings-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers(), record.value());
        Class<? extends MeetingsEvent> payloadClass = MeetingsEvent.classOf(envelope.type());
        MeetingsEvent event = payloadClass == null ? null : read(envelope, payloadClass);
        return Panache.withTransaction(() -> recordInHistory(envelope).chain(first -> {
                    if (!first) {
                        LOG.debugf("Event %s delivered again; already applied", envelope.id());
                        return Uni.createFrom().voidItem();
                    }
                    return event == null ? Uni.createFrom().voidItem()
                            : projection.apply(envelope, event).chain(() -> directory.apply(envelope, event));
                }))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }

    /** True when the event is new here; false when it was delivered before. */
    private static Uni<Boolean> recordInHistory(EventEnvelope envelope) {
        String sql = """
                insert into observed_event (event_id, organisation_id, event_type, aggregate_id, aggregate_version,
                                            occurred_at, recorded_at, payload)
                values (:id, :organisation, :type, :aggregate, :version, :occurredAt, :recordedAt, cast(:payload as jsonb))
                on conflict (event_id) do nothing""";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("id", envelope.id())
                .setParameter("organisation", envelope.organisationId())
                .setParameter("type", envelope.type())
                .setParameter("aggregate", envelope.aggregateId())
                .setParameter("version", envelope.aggregateVersion())
                .setParameter("occurredAt", envelope.occurredAt())
                .setParameter("recordedAt", envelope.recordedAt())
                .setParameter("payload", envelope.data())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private MeetingsEvent read(EventEnvelope envelope, Class<? extends MeetingsEvent> payloadClass) {
        try {
            return mapper.readValue(envelope.data(), payloadClass);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + envelope.type() + " " + envelope.id(), e);
        }
    }
}
