package dev.oneonone.meetings.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.meetings.MeetingsEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts many new streams at once, each with its first event, in the caller's transaction: the
 * bulk form of {@link EventStore#append} at version 0, with one flush instead of one per stream.
 * A stream that already exists makes the whole batch fail with {@link ConcurrentAppendException}.
 */
@ApplicationScoped
public class NewStreams {
    private static final String UNIQUE_VERSION = "event_stream_version_unique";

    private final MeetingsEventJson json;
    private final Clock clock;

    public NewStreams(MeetingsEventJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Stores each event as version 1 of the stream named by its aggregate id, in the order given. */
    public Uni<List<StoredEvent>> start(String organisationId, String streamType, List<? extends MeetingsEvent> firstEvents,
            Instant occurredAt) {
        Instant recordedAt = clock.instant();
        List<StoredEvent> rows = new ArrayList<>(firstEvents.size());
        for (MeetingsEvent event : firstEvents) {
            StoredEvent row = new StoredEvent();
            row.eventId = UUID.randomUUID();
            row.organisationId = organisationId;
            row.streamType = streamType;
            row.streamId = event.aggregateId();
            row.version = 1;
            row.eventType = event.type();
            row.occurredAt = occurredAt;
            row.recordedAt = recordedAt;
            row.payload = json.write(event);
            rows.add(row);
        }
        return StoredEvent.persist(rows)
                .call(() -> Panache.getSession().chain(session -> session.flush()))
                .replaceWith(rows)
                .onFailure(NewStreams::isVersionClash)
                .transform(e -> new ConcurrentAppendException(clashingStream(rows, e), 0, e));
    }

    private static UUID clashingStream(List<StoredEvent> rows, Throwable failure) {
        String message = String.valueOf(failure.getMessage()) + failure.getCause();
        return rows.stream().map(row -> row.streamId).filter(id -> message.contains(id.toString())).findFirst()
                .orElse(rows.get(0).streamId);
    }

    private static boolean isVersionClash(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(UNIQUE_VERSION)) {
                return true;
            }
        }
        return false;
    }
}
