package dev.oneonone.insights.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.oneonone.insights.domain.figures.FiguresCalculator;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.figures.SeriesTimeline;
import dev.oneonone.insights.projection.ProjectionReplay;
import dev.oneonone.insights.projection.TimelineStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The figures of every series of an organisation on the days the rollups ask for (today, a trend's week
 * ends), kept in memory and brought up to date incrementally. A series' figures as of a day are a pure
 * function of its timeline and the day, so a kept row stays exact until an event of that series is
 * recorded (a back-dated or late one included): {@code series_revision} holds, per series, the history
 * position of its last event, and each request recomputes only the series marked after the position it
 * saw last (their timelines read by id). A day not kept yet (a new day, another {@code asOf}) is computed
 * once for the whole organisation. A replay (the live tables swapped for new ones) starts afresh.
 */
@ApplicationScoped
public class SeriesFiguresStore {
    /**
     * Days kept per organisation besides those a request asks for: those of a 12-week trend (today and the 11 week
     * ends before it, what the dashboard asks). More cost resident memory (about 3 MB per day at 10,000 series)
     * and served little: on a new day every week end of the trend moves, so the old days are not asked again.
     */
    static final int DAYS_KEPT = 12;
    /** Changes kept for the one who takes them, at most; more are dropped (their days' group totals are built again). */
    static final int CHANGES_KEPT = 1_000;
    /**
     * Versions start from a random number: stored group totals are stamped with them, and neither a restart nor
     * another instance may reuse a version for other figures.
     */
    private static final AtomicLong VERSIONS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 61));

    /**
     * The figures of every known series on each asked day.
     *
     * @param versions          per asked day, a number that moves whenever a figure of that day changed (a stamp for caches)
     * @param directoryRevision the history position of the organisation's last directory event, with the generation
     */
    public record Figures(Map<LocalDate, Long> versions, DirectoryStamp directoryRevision,
            Map<LocalDate, List<SeriesFigures>> byDay, List<DayChange> changes) {
    }

    /**
     * How a kept day's figures changed in this refresh: the changed series' figures before (those known then) and
     * after (those known now), and the day's version before and after.
     */
    public record DayChange(LocalDate day, long versionBefore, long versionAfter, List<SeriesFigures> before,
            List<SeriesFigures> after) {
    }

    /** Identifies the directory rows: their generation (a replay swaps the tables) and last revision. */
    public record DirectoryStamp(long generation, long revision) {
    }

    /** One day's figures by series id, its version, and the list handed out (made again after a change). */
    private static final class Day {
        final Map<UUID, SeriesFigures> figures;
        long version = VERSIONS.incrementAndGet();
        List<SeriesFigures> list;

        Day(Map<UUID, SeriesFigures> figures) {
            this.figures = figures;
        }

        List<SeriesFigures> list() {
            if (list == null) {
                list = List.copyOf(figures.values());
            }
            return list;
        }

        void changed() {
            version = VERSIONS.incrementAndGet();
            list = null;
        }
    }

    /** One organisation's kept days, least recently used first. */
    private static final class Kept {
        long generation = Long.MIN_VALUE;
        long position = -1;
        final List<DayChange> changes = new ArrayList<>();
        final LinkedHashMap<LocalDate, Day> days = new LinkedHashMap<>(32, 0.75f, true);
    }

    private final Pool pool;
    private final TimelineStore timelines;
    private final FiguresCalculator calculator;
    private final Map<String, Kept> organisations = new ConcurrentHashMap<>();

    public SeriesFiguresStore(Pool pool, TimelineStore timelines, FiguresCalculator calculator) {
        this.pool = pool;
        this.timelines = timelines;
        this.calculator = calculator;
    }

    /** The figures of every series of the organisation on each day (off the event loop); no changes handed out. */
    public Uni<Figures> figures(String organisationId, List<LocalDate> days) {
        return Uni.createFrom().item(() -> upToDate(organisationId, days, false))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The same, with the changes of kept days not handed out before ({@link Figures#changes}, oldest first): the
     * one who takes them (the stored group totals) applies them.
     */
    public Uni<Figures> figuresAndChanges(String organisationId, List<LocalDate> days) {
        return Uni.createFrom().item(() -> upToDate(organisationId, days, true))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * A replay began: what is kept was computed from the tables it will swap out (and is dropped then anyway), so
     * the heap goes to the replay now (with 12 days of 9,121 series kept, a replay in the benchmark spent more
     * time collecting garbage than decoding). Requests meanwhile compute what they ask afresh.
     */
    void replayStarted(@Observes ProjectionReplay.Started started) {
        clear();
    }

    /** Forgets everything kept (tests, or after rows were changed behind the projections' back). */
    public void clear() {
        organisations.clear();
    }

    private Figures upToDate(String organisationId, List<LocalDate> days, boolean takeChanges) {
        Kept kept = organisations.computeIfAbsent(organisationId, org -> new Kept());
        // one refresh at a time per organisation: a slower one must not put back figures older than a faster one's
        synchronized (kept) {
            Row row = pool.preparedQuery("""
                    select h.position, 'series_timeline'::regclass::oid::bigint as generation,
                           (select revision from directory_revision where organisation_id = $1) as directory
                    from history_position h""").execute(Tuple.of(organisationId))
                    .await().indefinitely().iterator().next();
            long position = row.getLong("position");
            long generation = row.getLong("generation");
            Long directory = row.getLong("directory");
            if (generation != kept.generation) {
                kept.days.clear();
                kept.changes.clear();
                kept.position = -1;
                kept.generation = generation;
            }
            if (kept.position >= 0 && position != kept.position && !kept.days.isEmpty()) {
                recomputeChanged(organisationId, kept, kept.changes);
            }
            if (kept.changes.size() > CHANGES_KEPT) {
                kept.changes.clear(); // nobody takes them: what they would have moved on is built again when read
            }
            List<DayChange> changes = takeChanges ? List.copyOf(kept.changes) : List.of();
            if (takeChanges) {
                kept.changes.clear();
            }
            kept.position = position;
            List<LocalDate> missing = days.stream().distinct().filter(day -> !kept.days.containsKey(day)).toList();
            if (!missing.isEmpty()) {
                computeDays(organisationId, kept, missing);
            }
            Map<LocalDate, List<SeriesFigures>> byDay = new LinkedHashMap<>();
            Map<LocalDate, Long> versions = new HashMap<>();
            for (LocalDate day : days) {
                Day one = kept.days.get(day);
                byDay.put(day, one.list());
                versions.put(day, one.version);
            }
            forgetOldDays(kept, days);
            return new Figures(versions, new DirectoryStamp(generation, directory == null ? 0 : directory), byDay,
                    changes);
        }
    }

    /**
     * Recomputes, on every kept day, the series with an event recorded after the position last seen; a day
     * whose figures all came out the same (a past week end, mostly) keeps its version.
     */
    private void recomputeChanged(String organisationId, Kept kept, List<DayChange> changes) {
        List<UUID> changed = new ArrayList<>();
        pool.preparedQuery("select series_id from series_revision where organisation_id = $1 and revision > $2")
                .execute(Tuple.of(organisationId, kept.position)).await().indefinitely()
                .forEach(r -> changed.add(r.getUUID("series_id")));
        if (changed.isEmpty()) {
            return;
        }
        List<SeriesTimeline> fresh = timelines.ofSeries(pool, organisationId, changed).await().indefinitely();
        for (Map.Entry<LocalDate, Day> day : kept.days.entrySet()) {
            Map<UUID, SeriesFigures> figures = day.getValue().figures;
            Map<UUID, SeriesFigures> before = new HashMap<>();
            changed.forEach(id -> before.put(id, figures.remove(id))); // one not known any more stays out
            for (SeriesTimeline series : fresh) {
                figures.put(series.seriesId(), calculator.figuresOf(series, day.getKey()));
            }
            for (UUID id : changed) {
                if (!Objects.equals(before.get(id), figures.get(id))) {
                    long versionBefore = day.getValue().version;
                    day.getValue().changed();
                    changes.add(new DayChange(day.getKey(), versionBefore, day.getValue().version,
                            before.values().stream().filter(Objects::nonNull).toList(),
                            changed.stream().map(figures::get).filter(Objects::nonNull).toList()));
                    break;
                }
            }
        }
    }

    /** Computes days not kept yet for every series of the organisation, from its timelines read afresh. */
    private void computeDays(String organisationId, Kept kept, List<LocalDate> missing) {
        List<SeriesTimeline> all = timelines.ofOrganisation(pool, organisationId).await().indefinitely();
        // one series' days together (its timeline stays in cache), series side by side
        List<List<SeriesFigures>> bySeries = all.parallelStream()
                .map(series -> missing.stream().map(day -> calculator.figuresOf(series, day)).toList()).toList();
        for (int d = 0; d < missing.size(); d++) {
            Map<UUID, SeriesFigures> figures = new HashMap<>(all.size() * 2);
            for (List<SeriesFigures> one : bySeries) {
                SeriesFigures figure = one.get(d);
                figures.put(figure.seriesId(), figure);
            }
            kept.days.put(missing.get(d), new Day(figures));
        }
    }

    private static void forgetOldDays(Kept kept, List<LocalDate> asked) {
        int limit = Math.max(DAYS_KEPT, asked.size());
        var eldest = kept.days.keySet().iterator();
        while (kept.days.size() > limit && eldest.hasNext()) {
            if (!asked.contains(eldest.next())) {
                eldest.remove();
            }
        }
    }
}
