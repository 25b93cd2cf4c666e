package dev.oneonone.insights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.oneonone.insights.domain.figures.FiguresCalculator;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.figures.SeriesTimeline;
import dev.oneonone.insights.projection.TimelineStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gaps grow with time alone, so every {@code insights.reassessment-interval} each current series of
 * every organisation is assessed as of today (in its time zone), in bulk; only the series whose health
 * or recommendations differ from their last assessment are assessed again one by one, each in its own
 * transaction, which records SeriesHealthChanged.
 */
@ApplicationScoped
public class HealthReassessment {
    private static final Logger LOG = Logger.getLogger(HealthReassessment.class);

    private final Pool pool;
    private final TimelineStore timelines;
    private final FiguresCalculator calculator;
    private final HealthAssessment assessment;
    private final Clock clock;

    public HealthReassessment(Pool pool, TimelineStore timelines, FiguresCalculator calculator,
            HealthAssessment assessment, Clock clock) {
        this.pool = pool;
        this.timelines = timelines;
        this.calculator = calculator;
        this.assessment = assessment;
        this.clock = clock;
    }

    @Scheduled(every = "${insights.reassessment-interval}", delayed = "${insights.reassessment-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reassessAll().invoke(changed -> LOG.infof("Health re-assessed: %d series changed", changed))
                .onFailure().invoke(e -> LOG.warnf("Health re-assessment failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Answers how many series changed health or recommendations. */
    public Uni<Integer> reassessAll() {
        return pool.query("select distinct organisation_id from series_timeline").execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> row.getString(0))
                .onItem().transformToUniAndConcatenate(this::reassess)
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    public Uni<Integer> reassess(String organisationId) {
        Uni<Map<UUID, String>> last = pool.preparedQuery(
                "select series_id, health, recommendations from series_assessment where organisation_id = $1")
                .execute(Tuple.of(organisationId))
                .map(rows -> {
                    Map<UUID, String> assessed = new HashMap<>();
                    for (Row row : rows) {
                        assessed.put(row.getUUID("series_id"), row.getString("health") + "|" + row.getString("recommendations"));
                    }
                    return assessed;
                });
        return Uni.combine().all().unis(timelines.ofOrganisation(pool, organisationId), last)
                .with((all, assessed) -> all.stream().filter(series -> differs(series, assessed)).toList())
                .onItem().transformToMulti(changed -> Multi.createFrom().iterable(changed))
                .onItem().transformToUniAndConcatenate(series -> pool.withTransaction(
                        connection -> assessment.assess(connection, series)))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private boolean differs(SeriesTimeline series, Map<UUID, String> assessed) {
        SeriesFigures figures = calculator.figuresOf(series, LocalDate.now(clock.withZone(series.zone())));
        if (!figures.current()) {
            return false;
        }
        String now = figures.health().name() + "|" + HealthAssessment.codes(figures.recommendations());
        return !now.equals(assessed.get(series.seriesId()));
    }

}
