package dev.oneonone.kit.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.SuiteEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A write service's event store (PRODUCT.md "Services": events are the source of truth): appends
 * events to a stream at an expected version and reads streams back. Must be called inside a reactive
 * transaction; the unique (stream, version) constraint makes a concurrent writer lose with a
 * {@link ConcurrentAppendException}, which each service answers as a 409. Each event is stored with
 * its {@link SuiteEvent#aggregateType()} as the stream type; the outbox relay publishes it as stored.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VERSION = "event_stream_version_unique";

    private final EventJson json;
    private final Clock clock;

    public EventStore(EventJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The stream's events, oldest first; empty when the stream does not exist in this organisation. */
    public Uni<List<StoredEvent>> load(String organisationId, UUID streamId) {
        return StoredEvent.list("organisationId = ?1 and streamId = ?2 order by version", organisationId, streamId);
    }

    /**
     * The events of one type whose payload has {@code field} equal to {@code value}, oldest first: for a
     * service that follows a reference between streams (a service adds an expression index for it).
     */
    public Uni<List<StoredEvent>> withPayloadField(String organisationId, String eventType, String field, String value) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from event where organisation_id = :organisation and event_type = :type"
                                + " and payload ->> :field = :value order by position", StoredEvent.class)
                .setParameter("organisation", organisationId)
                .setParameter("type", eventType)
                .setParameter("field", field)
                .setParameter("value", value)
                .getResultList());
    }

    /**
     * Stores events after {@code expectedVersion} (0 for a new stream), all as happening at {@code occurredAt}.
     *
     * @throws ConcurrentAppendException (as the Uni's failure) when the stream moved on
     */
    public Uni<List<StoredEvent>> append(String organisationId, UUID streamId, long expectedVersion,
            List<? extends SuiteEvent> events, Instant occurredAt) {
        return append(organisationId, streamId, expectedVersion, events, events.stream().map(e -> occurredAt).toList());
    }

    /**
     * Stores events after {@code expectedVersion}, each with the time it happened (an import gives the
     * real dates; the time recorded is always now).
     *
     * @throws ConcurrentAppendException (as the Uni's failure) when the stream moved on
     */
    public Uni<List<StoredEvent>> append(String organisationId, UUID streamId, long expectedVersion,
            List<? extends SuiteEvent> events, List<Instant> occurredAt) {
        if (occurredAt.size() != events.size()) {
            throw new IllegalArgumentException("One time of occurrence per event");
        }
        return StoredEvent.<StoredEvent>find("streamId = ?1 order by version desc", streamId).firstResult()
                .flatMap(last -> {
                    long actual = last == null ? 0 : last.version;
                    if (actual != expectedVersion) {
                        return Uni.createFrom().failure(new ConcurrentAppendException(streamId, expectedVersion, null));
                    }
                    Instant recordedAt = clock.instant();
                    List<StoredEvent> rows = new ArrayList<>();
                    long version = expectedVersion;
                    for (int i = 0; i < events.size(); i++) {
                        rows.add(row(organisationId, streamId, ++version, events.get(i), occurredAt.get(i), recordedAt));
                    }
                    return persist(rows);
                })
                .onFailure(EventStore::isVersionClash)
                .transform(e -> new ConcurrentAppendException(streamId, expectedVersion, e));
    }

    /**
     * Starts many new streams at once, each with its first event (version 1 of the stream named by its
     * aggregate id), in the order given, with one flush instead of one per stream: the bulk form of
     * {@link #append} at version 0. A stream that already exists makes the whole batch fail.
     *
     * @throws ConcurrentAppendException (as the Uni's failure) naming the stream that already existed
     */
    public Uni<List<StoredEvent>> startStreams(String organisationId, List<? extends SuiteEvent> firstEvents,
            Instant occurredAt) {
        return startStreams(organisationId, firstEvents, firstEvents.stream().map(e -> occurredAt).toList());
    }

    /**
     * {@link #startStreams(String, List, Instant)} with the time each event happened (an import of
     * people with their own effective dates); the time recorded is always now.
     *
     * @throws ConcurrentAppendException (as the Uni's failure) naming the stream that already existed
     */
    public Uni<List<StoredEvent>> startStreams(String organisationId, List<? extends SuiteEvent> firstEvents,
            List<Instant> occurredAt) {
        if (occurredAt.size() != firstEvents.size()) {
            throw new IllegalArgumentException("One time of occurrence per event");
        }
        Instant recordedAt = clock.instant();
        List<StoredEvent> rows = new ArrayList<>(firstEvents.size());
        for (int i = 0; i < firstEvents.size(); i++) {
            SuiteEvent event = firstEvents.get(i);
            rows.add(row(organisationId, event.aggregateId(), 1, event, occurredAt.get(i), recordedAt));
        }
        return persist(rows)
                .onFailure(EventStore::isVersionClash)
                .transform(e -> new ConcurrentAppendException(clashingStream(rows, e), 0, e));
    }

    private StoredEvent row(String organisationId, UUID streamId, long version, SuiteEvent event, Instant occurredAt,
            Instant recordedAt) {
        StoredEvent row = new StoredEvent();
        row.eventId = UUID.randomUUID();
        row.organisationId = organisationId;
        row.streamType = event.aggregateType();
        row.streamId = streamId;
        row.version = version;
        row.eventType = event.type();
        row.occurredAt = occurredAt;
        row.recordedAt = recordedAt;
        row.payload = json.write(event);
        return row;
    }

    /** Flushes at once, so that a version clash surfaces here, as a conflict, and not at commit. */
    private static Uni<List<StoredEvent>> persist(List<StoredEvent> rows) {
        return StoredEvent.persist(rows)
                .call(() -> Panache.getSession().chain(session -> session.flush()))
                .replaceWith(rows);
    }

    private static UUID clashingStream(List<StoredEvent> rows, Throwable failure) {
        String message = String.valueOf(failure.getMessage()) + failure.getCause();
        return rows.stream().map(row -> row.streamId).filter(id -> message.contains(id.toString())).findFirst()
                .orElse(rows.get(0).streamId);
    }

    private static boolean isVersionClash(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(UNIQUE_VERSION)) {
                return true;
            }
        }
        return false;
    }
}
