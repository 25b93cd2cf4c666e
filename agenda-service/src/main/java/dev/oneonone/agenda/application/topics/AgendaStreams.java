package dev.oneonone.agenda.application.topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.application.RejectedException;
import dev.oneonone.agenda.domain.Agenda;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.kit.eventstore.ConcurrentAppendException;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reading and writing a meeting's agenda stream for the use cases beside topics (order, notes,
 * templates): its history as events, its version (the agenda's ETag) and recording a decision at the
 * version it was taken. Call inside the caller's reactive transaction.
 */
@ApplicationScoped
public class AgendaStreams {
    private final EventStore store;
    private final AgendaReplay replay;

    public AgendaStreams(EventStore store, AgendaReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    /** The agenda aggregate, with the topics carried away from it to later meetings taken off. */
    public Uni<Agenda> agenda(String organisationId, UUID meetingId) {
        return replay.agenda(organisationId, meetingId);
    }

    /** The agenda's events, oldest first. */
    public Uni<List<AgendaEvent>> history(String organisationId, UUID meetingId) {
        return store.load(organisationId, meetingId).map(stored -> stored.stream().map(replay::read).toList());
    }

    /** The agenda's version: how many events its stream holds (0 for an agenda nobody wrote to yet). */
    public Uni<Long> version(String organisationId, UUID meetingId) {
        return StoredEvent.count("organisationId = ?1 and streamId = ?2", organisationId, meetingId);
    }

    /**
     * Fails with {@link ConcurrentAppendException} (answered 409) when an If-Match version is not the
     * agenda's current one; no If-Match (null) means the caller does not care.
     */
    public static void checkIfMatch(UUID meetingId, Long ifMatch, long current) {
        if (ifMatch != null && ifMatch != current) {
            throw new ConcurrentAppendException(meetingId, ifMatch, null);
        }
    }

    /**
     * Stores an accepted decision's events after {@code version}; a rejection fails with
     * {@link RejectedException}. An accepted decision without events stores nothing.
     */
    public Uni<List<StoredEvent>> record(String organisationId, UUID meetingId, long version, Decision decision,
            Instant now) {
        if (decision instanceof Decision.Rejected rejected) {
            return Uni.createFrom().failure(new RejectedException(rejected.rejection()));
        }
        List<AgendaEvent> events = ((Decision.Accepted) decision).events();
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return store.append(organisationId, meetingId, version, events, now);
    }
}
