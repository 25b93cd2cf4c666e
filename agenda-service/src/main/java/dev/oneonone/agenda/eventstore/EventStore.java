package dev.oneonone.agenda.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.TopicCarriedOver;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends agenda events to a stream at an expected version and reads streams back. Must be called
 * inside a reactive transaction; the unique (stream, version) constraint makes a concurrent writer lose.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VERSION = "event_stream_version_unique";

    private final AgendaEventJson json;
    private final Clock clock;

    public EventStore(AgendaEventJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The stream's events, oldest first; empty when the stream does not exist in this organisation. */
    public Uni<List<StoredEvent>> load(String organisationId, UUID streamId) {
        return StoredEvent.list("organisationId = ?1 and streamId = ?2 order by version", organisationId, streamId);
    }

    /**
     * Stores events after {@code expectedVersion} (0 for a new stream).
     *
     * @throws ConcurrentAppendException (as the Uni's failure) when the stream moved on
     */
    public Uni<List<StoredEvent>> append(String organisationId, UUID streamId, long expectedVersion,
            List<AgendaEvent> events, Instant occurredAt) {
        return append(organisationId, streamId, expectedVersion, events, events.stream().map(e -> occurredAt).toList());
    }

    /**
     * The events carried over from the meeting {@code meetingId} to other agendas, oldest first: with
     * the meeting's own stream they say which topics are still on its agenda.
     */
    public Uni<List<StoredEvent>> carriedAwayFrom(String organisationId, UUID meetingId) {
        return StoredEvent.list("organisationId = ?1 and eventType = ?2 and carriedFromMeetingId = ?3 order by position",
                organisationId, AgendaEvent.typeOf(TopicCarriedOver.class), meetingId);
    }

    /**
     * Stores events after {@code expectedVersion}, each with the time it happened (an import gives the
     * real dates; the time recorded is always now).
     *
     * @throws ConcurrentAppendException (as the Uni's failure) when the stream moved on
     */
    public Uni<List<StoredEvent>> append(String organisationId, UUID streamId, long expectedVersion,
            List<AgendaEvent> events, List<Instant> occurredAt) {
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
                        AgendaEvent event = events.get(i);
                        StoredEvent row = new StoredEvent();
                        row.eventId = UUID.randomUUID();
                        row.organisationId = organisationId;
                        row.streamType = event.aggregateType();
                        row.streamId = streamId;
                        row.version = ++version;
                        row.eventType = event.type();
                        row.occurredAt = occurredAt.get(i);
                        if (event instanceof TopicCarriedOver carried) {
                            row.carriedFromMeetingId = carried.fromMeetingId();
                        }
                        row.recordedAt = recordedAt;
                        row.payload = json.write(event);
                        rows.add(row);
                    }
                    // flush now so that a version clash surfaces here, as a conflict, and not at commit
                    return StoredEvent.persist(rows)
                            .call(() -> Panache.getSession().chain(session -> session.flush()))
                            .replaceWith(rows);
                })
                .onFailure(EventStore::isVersionClash)
                .transform(e -> new ConcurrentAppendException(streamId, expectedVersion, e));
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
