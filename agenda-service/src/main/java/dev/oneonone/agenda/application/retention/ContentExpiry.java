package dev.oneonone.agenda.application.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import dev.oneonone.events.agenda.SeriesContentExpired;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.schedule.SweepRounds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Deletes the 1:1 content of series that ended longer ago than their organisation's retention period
 * ({@link RetentionPolicies}): topics' titles and details, shared notes' text and all their revisions', private
 * notes whole, agreements' wording, and the Idempotency-Key answers that repeat any of it. Ids, kinds, sides, dates,
 * statuses and counts stay, so agreements and the figures insights-service derives do not change. Each series is
 * one transaction that also records {@link SeriesContentExpired} (version 1 of the series' content stream) for the
 * outbox; a series already expired is skipped, so rounds and instances may overlap. Runs on its own thread every
 * {@code agenda.retention-sweep.interval} (like meetings-service's MissedMeetingSweep).
 */
@ApplicationScoped
public class ContentExpiry {
    private static final Logger LOG = Logger.getLogger(ContentExpiry.class);
    private static final int BATCH = 200;

    /** An ended series whose retention ran out. */
    record Expired(String organisationId, UUID seriesId, Instant endedAt, int retentionDays) {
    }

    private final EventStore store;
    private final Clock clock;
    private final Duration interval;
    private final boolean enabled;
    private final SweepRounds rounds = new SweepRounds("content-expiry-sweep", () -> sweep(clockNow()));

    public ContentExpiry(EventStore store, Clock clock,
            @ConfigProperty(name = "agenda.retention-sweep.interval") Duration interval,
            @ConfigProperty(name = "agenda.retention-sweep.enabled") boolean enabled) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            rounds.start(interval, interval);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        rounds.stop();
    }

    private Instant clockNow() {
        return clock.instant();
    }

    /** One sweep as of {@code now}; answers how many series' content it deleted. Blocks. */
    public int sweep(Instant now) {
        int expired = 0;
        List<Expired> batch;
        do {
            batch = await(() -> Panache.withSession(() -> candidates(now)));
            int before = expired;
            for (Expired series : batch) {
                try {
                    expired += await(() -> Panache.withTransaction(() -> expire(series, now))) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warnf("Content of series %s not deleted yet: %s", series.seriesId(), e.getMessage());
                }
            }
            if (expired == before) {
                break; // nothing in this batch could be deleted: leave the rest to the next round
            }
        } while (batch.size() == BATCH);
        if (expired > 0) {
            LOG.infof("Deleted the 1:1 content of %d series whose retention period ran out", expired);
        }
        return expired;
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Expired>> candidates(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select s.organisation_id, s.series_id, s.ended_at, r.content_retention_days
                        from known_series s join content_retention r on r.organisation_id = s.organisation_id
                        where s.ended_at is not null and s.content_expired_at is null and r.content_retention_days is not null
                          and s.ended_at + make_interval(days => r.content_retention_days) < :now
                        order by s.ended_at limit :batch""", Object[].class)
                .setParameter("now", now).setParameter("batch", BATCH).getResultList())
                .map(rows -> rows.stream().map(row -> new Expired((String) row[0], (UUID) row[1], instant(row[2]),
                        ((Number) row[3]).intValue())).toList());
    }

    private Uni<Boolean> expire(Expired series, Instant now) {
        // the mark first: a concurrent round (another instance) that got here before updates nothing and stops
        return Panache.getSession().chain(session -> update(session, """
                        update known_series set content_expired_at = :now
                        where series_id = :series and content_expired_at is null""", series.seriesId(), now)
                .chain(marked -> marked == 0 ? Uni.createFrom().item(false)
                        : SeriesContent.delete(session, series.organisationId(), series.seriesId(), now)
                                .chain(() -> store.append(series.organisationId(), series.seriesId(), 0,
                                        List.of(new SeriesContentExpired(series.seriesId(),
                                                LocalDate.ofInstant(series.endedAt(), ZoneOffset.UTC),
                                                series.retentionDays())), now))
                                .replaceWith(true)));
    }

    private static Uni<Integer> update(Mutiny.Session session, String sql, UUID series, Instant now) {
        return session.createNativeQuery(sql).setParameter("series", series).setParameter("now", now).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
