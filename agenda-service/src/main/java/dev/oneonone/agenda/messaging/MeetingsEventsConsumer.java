package dev.oneonone.agenda.messaging;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.oneonone.agenda.application.carryover.CarryOverProcess;
import dev.oneonone.agenda.application.templates.TemplateApplications;
import dev.oneonone.agenda.projection.MeetingsCopy;
import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.kit.eventstore.ConcurrentAppendException;
import dev.oneonone.kit.eventstore.EventJson;
import dev.oneonone.kit.messaging.ProcessedEvents;
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
    private final TemplateApplications templates;
    private final EventJson json;
    private final ProcessedEvents processed;

    public MeetingsEventsConsumer(MeetingsCopy copy, CarryOverProcess carryOver, TemplateApplications templates,
            EventJson json, ProcessedEvents processed) {
        this.copy = copy;
        this.carryOver = carryOver;
        this.templates = templates;
        this.json = json;
        this.processed = processed;
    }

    @Incoming("meetings-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers(), record.value());
        MeetingsEvent event = json.read(envelope, MeetingsEvent::classOf);
        if (event == null) {
            LOG.debugf("Skipping %s: not needed here", envelope.type());
            return Uni.createFrom().voidItem();
        }
        // deferred: each retry runs the whole transaction again, reading the agendas afresh
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> processed.firstDelivery(envelope.id())
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
}
