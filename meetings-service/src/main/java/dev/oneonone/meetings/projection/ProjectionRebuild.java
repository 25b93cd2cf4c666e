package dev.oneonone.meetings.projection;

import java.util.List;

import org.jboss.logging.Logger;

import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.kit.eventstore.EventJson;
import dev.oneonone.kit.eventstore.StoredEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds the read models from the event store: empties them and replays every stored event
 * through {@link SeriesProjection} in position order, in one transaction. Writers wait for it
 * (the read-model tables are locked), readers keep reading the old rows until it commits.
 */
@ApplicationScoped
public class ProjectionRebuild {
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final int BATCH = 500;

    private final SeriesProjection projection;
    private final EventJson json;

    public ProjectionRebuild(SeriesProjection projection, EventJson json) {
        this.projection = projection;
        this.json = json;
    }

    /** Answers how many events were replayed. */
    @WithTransaction
    public Uni<Long> rebuild() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "lock table series_overview, meeting_overview, series_pause, series_rhythm in exclusive mode").executeUpdate())
                .chain(() -> MeetingOverview.deleteAll())
                .chain(() -> SeriesPause.deleteAll())
                .chain(() -> SeriesRhythm.deleteAll())
                .chain(() -> SeriesOverview.deleteAll())
                .chain(() -> replayAfter(0L, 0L))
                .invoke(count -> LOG.infof("Read models rebuilt from %d events", count));
    }

    private Uni<Long> replayAfter(long position, long replayed) {
        return StoredEvent.<StoredEvent>find("position > ?1 order by position", position).page(0, BATCH).list()
                .chain(batch -> {
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(replayed);
                    }
                    List<MeetingsEvent> events = batch.stream().map(stored -> json.<MeetingsEvent>read(stored, MeetingsEvent::classOf)).toList();
                    long last = batch.get(batch.size() - 1).position;
                    return projection.applyInTurn(batch, events)
                            .chain(() -> Panache.getSession().chain(session -> session.flush().invoke(session::clear)))
                            .chain(() -> replayAfter(last, replayed + batch.size()));
                });
    }
}
