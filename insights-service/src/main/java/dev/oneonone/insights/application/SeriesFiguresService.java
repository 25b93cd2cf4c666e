package dev.oneonone.insights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.oneonone.insights.config.InsightsConfig;
import dev.oneonone.insights.domain.figures.FiguresCalculator;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.figures.SeriesTimeline;
import dev.oneonone.insights.projection.TimelineStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every figure of the series of an organisation as of a date, and as weekly trends. The organisation's
 * figures of a date come from {@link SeriesFiguresStore} (kept per series, recomputed for the series that
 * changed); {@link #trend} and one series' figures are computed from the timelines read now.
 */
@ApplicationScoped
public class SeriesFiguresService {
    private final Pool pool;
    private final TimelineStore timelines;
    private final SeriesFiguresStore store;
    private final FiguresCalculator calculator;
    private final InsightsConfig.OrganisationTimeZone timeZone;
    private final Clock clock;

    public SeriesFiguresService(Pool pool, TimelineStore timelines, SeriesFiguresStore store, FiguresCalculator calculator,
            InsightsConfig.OrganisationTimeZone timeZone, Clock clock) {
        this.pool = pool;
        this.timelines = timelines;
        this.store = store;
        this.calculator = calculator;
        this.timeZone = timeZone;
        this.clock = clock;
    }

    /** Today in the organisation's time zone ({@code insights.time-zones.<org>}, else {@code insights.default-time-zone}). */
    public LocalDate today(String organisationId) {
        return LocalDate.now(clock.withZone(timeZone.zone(organisationId)));
    }

    /** Figures of every series of the organisation as of {@code asOf} (today when null), current or not, in no order. */
    public Uni<List<SeriesFigures>> forOrganisation(String organisationId, LocalDate asOf) {
        LocalDate day = asOf == null ? today(organisationId) : asOf;
        return store.figures(organisationId, List.of(day)).map(kept -> kept.byDay().get(day));
    }

    /** The timeline of one series, or null when the organisation has no such series. */
    public Uni<SeriesTimeline> timeline(String organisationId, UUID seriesId) {
        return timelines.ofSeries(pool, organisationId, seriesId);
    }

    /** The figures of a timeline as of a date. */
    public SeriesFigures figuresOf(SeriesTimeline series, LocalDate asOf) {
        return calculator.figuresOf(series, asOf);
    }

    /** Figures of one series, or null when the organisation has no such series. */
    public Uni<SeriesFigures> forSeries(String organisationId, UUID seriesId, LocalDate asOf) {
        LocalDate day = asOf == null ? today(organisationId) : asOf;
        return timelines.ofSeries(pool, organisationId, seriesId)
                .map(series -> series == null ? null : calculator.figuresOf(series, day));
    }

    /**
     * Weekly trend: for each week end asOf - 7·(weeks-1), ..., asOf (oldest first), the figures of the
     * chosen series (every series of the organisation when {@code seriesIds} is null) as of that day.
     * Series not current on a week end (not started, or ended) are included with {@code current=false}.
     */
    public Uni<Map<LocalDate, List<SeriesFigures>>> trend(String organisationId, Collection<UUID> seriesIds,
            LocalDate asOf, int weeks) {
        LocalDate day = asOf == null ? today(organisationId) : asOf;
        Set<UUID> chosen = seriesIds == null ? null : Set.copyOf(seriesIds);
        return timelines.ofOrganisation(pool, organisationId)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(all -> {
                    List<SeriesTimeline> series = chosen == null ? all
                            : all.stream().filter(s -> chosen.contains(s.seriesId())).toList();
                    // one series' weeks together (its timeline stays in cache), series side by side
                    List<List<SeriesFigures>> bySeries = series.parallelStream()
                            .map(one -> calculator.weekly(one, day, weeks)).toList();
                    Map<LocalDate, List<SeriesFigures>> trend = new LinkedHashMap<>();
                    for (int week = 0; week < weeks; week++) {
                        List<SeriesFigures> figures = new ArrayList<>(series.size());
                        for (List<SeriesFigures> one : bySeries) {
                            figures.add(one.get(week));
                        }
                        trend.put(day.minusWeeks(weeks - 1L - week), figures);
                    }
                    return trend;
                });
    }

    /** The trend of one series, oldest week first; null when the organisation has no such series. */
    public Uni<List<SeriesFigures>> trendOfSeries(String organisationId, UUID seriesId, LocalDate asOf, int weeks) {
        LocalDate day = asOf == null ? today(organisationId) : asOf;
        return timelines.ofSeries(pool, organisationId, seriesId)
                .map(series -> series == null ? null : calculator.weekly(series, day, weeks));
    }
}
