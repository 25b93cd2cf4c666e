package dev.oneonone.meetings.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesEvent;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.ScheduleMeeting;
import dev.oneonone.meetings.domain.Series;
import dev.oneonone.meetings.domain.StartSeries;
import dev.oneonone.meetings.eventstore.ConcurrentAppendException;
import dev.oneonone.meetings.eventstore.EventStore;
import dev.oneonone.meetings.eventstore.MeetingsEventJson;
import dev.oneonone.meetings.eventstore.StoredEvent;
import dev.oneonone.meetings.projection.SeriesProjection;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/**
 * The use cases on a series. Each runs in one transaction: load the stream, let the aggregate
 * decide, append the new events at the version read, and bring the read model up to date.
 */
@ApplicationScoped
public class SeriesCommands {
    private final EventStore store;
    private final MeetingsEventJson json;
    private final SeriesProjection projection;

    public SeriesCommands(EventStore store, MeetingsEventJson json, SeriesProjection projection) {
        this.store = store;
        this.json = json;
        this.projection = projection;
    }

    /** Starts a series; answers its version after the change. */
    @WithTransaction
    public Uni<Long> start(String organisationId, StartSeries command) {
        return record(organisationId, command.seriesId(), 0, Series.start(command), command.now());
    }

    /**
     * Schedules a meeting; {@code expectedVersion} is the version the caller last saw (If-Match),
     * or null to take the version just read.
     */
    @WithTransaction
    public Uni<Long> schedule(String organisationId, UUID seriesId, Long expectedVersion, ScheduleMeeting command) {
        return load(organisationId, seriesId).flatMap(series -> {
            if (expectedVersion != null && expectedVersion != series.version()) {
                return Uni.createFrom().failure(new ConcurrentAppendException(seriesId, expectedVersion, null));
            }
            return record(organisationId, seriesId, series.version(), series.schedule(command), command.now());
        });
    }

    private Uni<Series> load(String organisationId, UUID seriesId) {
        return store.load(organisationId, seriesId).map(history -> {
            if (history.isEmpty()) {
                throw new NotFoundException("No series " + seriesId);
            }
            return Series.from(history.stream().map(json::read).toList());
        });
    }

    private Uni<Long> record(String organisationId, UUID seriesId, long version, Decision decision,
            Instant occurredAt) {
        if (decision instanceof Decision.Rejected rejected) {
            return Uni.createFrom().failure(new RejectedCommandException(rejected.rejection()));
        }
        List<MeetingsEvent> events = ((Decision.Accepted) decision).events();
        return store.append(organisationId, SeriesEvent.AGGREGATE_TYPE, seriesId, version, events,
                        occurredAt)
                .call(stored -> project(stored, events))
                .map(stored -> stored.get(stored.size() - 1).version);
    }

    private Uni<Void> project(List<StoredEvent> stored, List<MeetingsEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < stored.size(); i++) {
            StoredEvent row = stored.get(i);
            MeetingsEvent event = events.get(i);
            chain = chain.chain(() -> projection.apply(row, event));
        }
        return chain;
    }
}
