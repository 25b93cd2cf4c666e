package dev.oneonone.agenda.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.oneonone.agenda.application.carryover.CarryOverProcess;
import dev.oneonone.agenda.application.retention.PersonErasure;
import dev.oneonone.agenda.application.templates.TemplateApplications;
import dev.oneonone.agenda.projection.Leavers;
import dev.oneonone.agenda.projection.MeetingsCopy;
import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonEvent;
import dev.oneonone.kit.eventstore.EventJson;
import dev.oneonone.kit.messaging.ConsumerProgress;
import dev.oneonone.kit.messaging.ProcessedEvents;
import dev.oneonone.kit.security.LeaverCheck;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies meetings-service's events to agenda-service's copy, once per event id: the event id is
 * recorded in the same transaction as its effect, so a redelivery finds it and changes nothing. Person events
 * keep the {@link Leavers} whose requests are refused, and a PersonErased erases what the person wrote
 * ({@link PersonErasure}). The
 * effect includes carrying topics over when a meeting ends ({@link CarryOverProcess}). A failure is retried
 * until the event is applied ({@link ConsumerProgress}): the consumer never stops on its own.
 */
@ApplicationScoped
public class MeetingsEventsConsumer {
    private static final Logger LOG = Logger.getLogger(MeetingsEventsConsumer.class);
    private static final String CHANNEL = "meetings-events";

    private final MeetingsCopy copy;
    private final CarryOverProcess carryOver;
    private final TemplateApplications templates;
    private final EventJson json;
    private final ProcessedEvents processed;
    private final ConsumerProgress progress;
    private final Leavers leavers;
    private final LeaverCheck leaverCheck;
    private final PersonErasure erasure;

    public MeetingsEventsConsumer(MeetingsCopy copy, CarryOverProcess carryOver, TemplateApplications templates,
            EventJson json, ProcessedEvents processed, ConsumerProgress progress, Leavers leavers,
            LeaverCheck leaverCheck, PersonErasure erasure) {
        this.erasure = erasure;
        this.progress = progress;
        this.leavers = leavers;
        this.leaverCheck = leaverCheck;
        this.copy = copy;
        this.carryOver = carryOver;
        this.templates = templates;
        this.json = json;
        this.processed = processed;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers(), record.value());
        MeetingsEvent event = json.read(envelope, MeetingsEvent::classOf);
        if (event == null) {
            LOG.debugf("Skipping %s: not needed here", envelope.type());
            return Uni.createFrom().voidItem();
        }
        // each attempt runs the whole transaction again, reading the agendas afresh; a failure (PostgreSQL
        // away, a carry-over that met a concurrent write) is retried with a capped back-off until it is applied
        return progress.applyUntilDone(CHANNEL, envelope.recordedAt(), () -> Panache.withTransaction(
                () -> processed.firstDelivery(envelope.id())
                        .chain(first -> first ? copy.apply(envelope, event)
                                .chain(() -> leavers.apply(envelope, event))
                                .chain(() -> erasure.apply(envelope, event))
                                .chain(() -> carryOver.apply(envelope, event))
                                // a series' first meeting starts from the first-meeting template, in the same transaction
                                .chain(() -> templates.prepareFirstMeeting(envelope, event))
                                : Uni.createFrom().voidItem())))
                // a leaver (or a rehire) counts on this instance from now, not after the kit's cache time
                .invoke(() -> {
                    if (event instanceof PersonEvent person) {
                        leaverCheck.forget(envelope.organisationId(), person.personId());
                    }
                });
    }
}
