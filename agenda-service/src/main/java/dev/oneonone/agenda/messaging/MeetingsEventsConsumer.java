package dev.oneonone.agenda.messaging;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.agenda.carryover.CarryOverProcess;
import dev.oneonone.agenda.eventstore.ConcurrentAppendException;
import dev.oneonone.agenda.projection.MeetingsCopy;
import dev.oneonone.agenda.templates.TemplateApplications;
import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingsEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies meetings-service's events to agenda-service's copy, once per event id: the event id is
 * recorded in the same transaction as its effect, so a redelivery finds it and changes nothing. The
 * effect includes carrying topics over when a meeting ends ({@link CarryOverProcess}).
 */
@ApplicationScoped
public class MeetingsEventsConsumer {
    private static final Logger LOG = Logger.getLogger(MeetingsEventsConsumer.class);

    private final MeetingsCopy copy;
    private final CarryOverProcess carryOver;
    private final ObjectMapper mapper;
    private final TemplateApplications templates;

    public MeetingsEventsConsumer(MeetingsCopy copy, CarryOverProcess carryOver, ObjectMapper mapper,
            TemplateApplications templates) {
        this.copy = copy;
        this.carryOver = carryOver;
        this.mapper = mapper;
        this.templates = templates;
    }

    @Incoming("meetings-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers(), record.value());
        Class<? extends MeetingsEvent> payloadClass = MeetingsEvent.classOf(envelope.type());
        if (payloadClass == null) {
            LOG.debugf("Skipping %s: not needed here", envelope.type());
            return Uni.createFrom().voidItem();
        }
        MeetingsEvent event = read(envelope, payloadClass);
        // deferred: each retry runs the whole transaction again, reading the agendas afresh
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> firstDelivery(envelope)
                        .chain(first -> first ? copy.apply(envelope, event)
                                .chain(() -> carryOver.apply(envelope, event))
                                // a series' first meeting starts from the first-meeting template, in the same transaction
                                .chain(() -> templates.prepareFirstMeeting(envelope, event))
                                : Uni.createFrom().voidItem())))
                // a carry-over that met a concurrent write to the same agenda starts again at once
                .onFailure(ConcurrentAppendException.class).retry().atMost(10)
                // a database hiccup should not stop the stream; a persistent failure still does, visibly
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }

    private static Uni<Boolean> firstDelivery(EventEnvelope envelope) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (event_id) values (:id) on conflict do nothing")
                .setParameter("id", envelope.id())
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
