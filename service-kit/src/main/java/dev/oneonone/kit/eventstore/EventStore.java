package dev.oneonone.kit.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.oneonone.events.SuiteEvent;
import dev.oneonone.kit.input.StrictJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A write service's event store (PRODUCT.md "Services": events are the source of truth): appends
 * events to a stream at an expected version and reads streams back. Must be called inside a reactive
 * transaction; the unique (stream, version) constraint makes a concurrent writer lose with a
 * {@link ConcurrentAppendException}, which each service answers as a 409. Each event is stored with
 * its {@link SuiteEvent#aggregateType()} as the stream type; the outbox relay publishes it as stored.
 *
 * <p>Snapshots: an aggregate named by a {@link SnapshotKind} is loaded with {@link #loadTail} (its latest
 * snapshot and the events after it) and, when {@link #snapshotDue} says so (every
 * {@code suite.eventstore.snapshot-every} events), its new state is kept with {@link #saveSnapshot} in the
 * transaction of the append, so a command reads at most that many events whatever the stream's length.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VERSION = "event_stream_version_unique";

    private static final Logger LOG = Logger.getLogger(EventStore.class);

    private final EventJson json;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final ObjectReader snapshotReader;
    private final int snapshotEvery;
    private final Counter eventsLoaded;

    public EventStore(EventJson json, Clock clock, ObjectMapper mapper, MeterRegistry metrics,
            @ConfigProperty(name = "suite.eventstore.snapshot-every", defaultValue = "50") int snapshotEvery) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("suite.eventstore.snapshot-every must be at least 1");
        }
        this.json = json;
        this.clock = clock;
        this.mapper = mapper;
        this.snapshotReader = StrictJson.trustedReader(mapper);
        this.snapshotEvery = snapshotEvery;
        this.eventsLoaded = Counter.builder("eventstore_events_loaded")
                .description("Events read from the store to fold an aggregate (snapshots keep it bounded)")
                .register(metrics);
    }

    /** The stream's events, oldest first; empty when the stream does not exist in this organisation. */
    public Uni<List<StoredEvent>> load(String organisationId, UUID streamId) {
        return readOnly("e.organisationId = :organisation and e.streamId = :stream and e.version > :from",
                organisationId, streamId, 0).invoke(events -> eventsLoaded.increment(events.size()));
    }

    /**
     * The stream from its latest snapshot of this kind and schema version: the state there and the events after
     * it. Without a usable snapshot (none yet, another schema version, unreadable) the whole stream.
     */
    public <S> Uni<StreamTail<S>> loadTail(String organisationId, UUID streamId, SnapshotKind<S> kind) {
        // HQL, not a native select: a native select with a result type misses the query plan cache every time
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select s.version, s.state from AggregateSnapshot s where s.streamId = :stream"
                                + " and s.organisationId = :organisation and s.kind = :kind"
                                + " and s.schemaVersion = :schema", Object[].class)
                .setParameter("stream", streamId)
                .setParameter("organisation", organisationId)
                .setParameter("kind", kind.name())
                .setParameter("schema", kind.schemaVersion())
                .getResultList())
                .chain(rows -> {
                    S state = rows.isEmpty() ? null : readSnapshot(kind, streamId, (String) rows.get(0)[1]);
                    long from = state == null ? 0 : ((Number) rows.get(0)[0]).longValue();
                    return readOnly("e.organisationId = :organisation and e.streamId = :stream and e.version > :from",
                            organisationId, streamId, from)
                            .invoke(events -> eventsLoaded.increment(events.size()))
                            .map(events -> new StreamTail<>(state, from, events));
                });
    }

    /**
     * Loaded events are never changed: read-only entities keep no copy of their state for dirty checking, so the
     * flush at {@link #append} does not compare every loaded event field by field.
     */
    private static Uni<List<StoredEvent>> readOnly(String where, String organisationId, UUID streamId, long after) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "from StoredEvent e where " + where + " order by e.version", StoredEvent.class)
                .setParameter("organisation", organisationId)
                .setParameter("stream", streamId)
                .setParameter("from", after)
                .setReadOnly(true)
                .getResultList());
    }

    /** True when a stream loaded as {@code loaded} and now at {@code newVersion} should keep a new snapshot. */
    public boolean snapshotDue(StreamTail<?> loaded, long newVersion) {
        return newVersion - loaded.snapshotVersion() >= snapshotEvery;
    }

    /**
     * Keeps {@code state}, folded up to {@code version}, as the stream's snapshot, in the caller's transaction
     * (that of the append that reached the version, so a lost race stores neither). A snapshot already at a
     * later version stays.
     */
    public <S> Uni<Void> saveSnapshot(String organisationId, UUID streamId, SnapshotKind<S> kind, long version,
            S state) {
        String written;
        try {
            written = mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a snapshot of " + kind.name(), e);
        }
        // the inner cast sends the text as text: bound straight to jsonb it would be stored as one JSON string
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into aggregate_snapshot (stream_id, organisation_id, kind, version, schema_version, state)
                        values (:stream, :organisation, :kind, :version, :schema, cast(cast(:state as text) as jsonb))
                        on conflict (stream_id) do update set organisation_id = excluded.organisation_id,
                            kind = excluded.kind, version = excluded.version, schema_version = excluded.schema_version,
                            state = excluded.state, taken_at = now()
                        where aggregate_snapshot.version < excluded.version
                            or aggregate_snapshot.schema_version <> excluded.schema_version""")
                .setParameter("stream", streamId)
                .setParameter("organisation", organisationId)
                .setParameter("kind", kind.name())
                .setParameter("version", version)
                .setParameter("schema", kind.schemaVersion())
                .setParameter("state", written)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Null (fold from the first event) when the stored state no longer reads as the kind's record. */
    private <S> S readSnapshot(SnapshotKind<S> kind, UUID streamId, String state) {
        try {
            return snapshotReader.forType(kind.stateType()).readValue(state);
        } catch (JsonProcessingException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            LOG.warnf("Snapshot of %s %s unreadable, folding the whole stream: %s", kind.name(), streamId,
                    why.substring(0, Math.min(why.length(), 200)));
            return null;
        }
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
        // the version alone (index only), not the last event as an entity with its payload
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select max(e.version) from StoredEvent e where e.streamId = :stream", Long.class)
                .setParameter("stream", streamId)
                .getSingleResultOrNull())
                .flatMap(last -> {
                    long actual = last == null ? 0 : last;
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
