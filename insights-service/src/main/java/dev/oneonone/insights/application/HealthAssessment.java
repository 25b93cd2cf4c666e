package dev.oneonone.insights.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.events.insights.SeriesHealthChanged;
import dev.oneonone.insights.domain.figures.FiguresCalculator;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.figures.SeriesTimeline;
import dev.oneonone.insights.projection.TimelineStore;
import dev.oneonone.kit.eventstore.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Assesses a current series' health and recommendations as of today (in its time zone) and, when
 * either differs from the last assessment, records SeriesHealthChanged in the service kit's event
 * store (table {@code event}, which the kit's outbox relay publishes) and remembers the new assessment, in the caller's transaction. The row lock on the
 * last assessment keeps two assessments of one series from publishing the same change twice.
 */
@ApplicationScoped
public class HealthAssessment {
    private final TimelineStore timelines;
    private final FiguresCalculator calculator;
    private final Clock clock;
    private final EventJson json;

    public HealthAssessment(TimelineStore timelines, FiguresCalculator calculator, Clock clock, EventJson json) {
        this.timelines = timelines;
        this.calculator = calculator;
        this.clock = clock;
        this.json = json;
    }

    /** After an event of the series was applied in this transaction. */
    public Uni<Void> afterEvent(SqlConnection connection, String organisationId, UUID seriesId) {
        // the last held meetings a short streak needs (at least the last one, for the gap)
        return timelines.forHealthOf(connection, organisationId, seriesId, calculator.thresholds().shortStreak())
                .chain(series -> series == null ? Uni.createFrom().voidItem() : assess(connection, series))
                .replaceWithVoid();
    }

    /** Answers whether a SeriesHealthChanged was recorded. */
    public Uni<Boolean> assess(SqlConnection connection, SeriesTimeline series) {
        SeriesFigures figures = calculator.figuresOf(series, LocalDate.now(clock.withZone(series.zone())));
        if (!figures.current()) {
            return Uni.createFrom().item(false);
        }
        String recommendations = codes(figures.recommendations());
        return connection.preparedQuery("select health, recommendations from series_assessment where series_id = $1 for update")
                .execute(Tuple.of(series.seriesId()))
                .chain(rows -> {
                    Row last = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    if (last != null && last.getString("health").equals(figures.health().name())
                            && last.getString("recommendations").equals(recommendations)) {
                        return Uni.createFrom().item(false);
                    }
                    Health previous = last == null ? null : Health.valueOf(last.getString("health"));
                    Uni<Boolean> remembered = last == null
                            ? connection.preparedQuery("""
                                    insert into series_assessment (series_id, organisation_id, health, recommendations, as_of)
                                    values ($1, $2, $3, $4, $5) on conflict (series_id) do nothing""")
                                    .execute(Tuple.of(series.seriesId(), series.organisationId(), figures.health().name(),
                                            recommendations, figures.asOf()))
                                    .map(inserted -> inserted.rowCount() == 1)
                            : connection.preparedQuery("""
                                    update series_assessment set health = $2, recommendations = $3, as_of = $4
                                    where series_id = $1""")
                                    .execute(Tuple.of(series.seriesId(), figures.health().name(), recommendations,
                                            figures.asOf()))
                                    .map(updated -> true);
                    // a concurrent first assessment inserted first: it publishes
                    return remembered.chain(mine -> mine ? record(connection, series, figures, previous).replaceWith(true)
                            : Uni.createFrom().item(false));
                });
    }

    /**
     * Appends to the series' stream in the kit's event-store table. Written with the SQL client, not the
     * kit's EventStore (a Hibernate Reactive session), because it joins the consumer's SQL-client transaction.
     */
    private Uni<Void> record(SqlConnection connection, SeriesTimeline series, SeriesFigures figures, Health previous) {
        SeriesHealthChanged changed = new SeriesHealthChanged(series.seriesId(), series.leaderId(), series.companionId(),
                previous, figures.health(), figures.gapDays(), figures.asOf(), figures.recommendations());
        Instant now = clock.instant();
        String payload = json.write(changed);
        return connection.preparedQuery("""
                insert into event (event_id, organisation_id, stream_type, stream_id, version, event_type, occurred_at,
                                   recorded_at, payload)
                select $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, $6, $6, cast(cast($7 as text) as jsonb)
                from event where stream_id = $4""")
                .execute(Tuple.from(new Object[] { UUID.randomUUID(), series.organisationId(), changed.aggregateType(),
                        series.seriesId(), changed.type(), now.atOffset(ZoneOffset.UTC), payload }))
                .replaceWithVoid();
    }

    static String codes(List<Recommendation> recommendations) {
        return recommendations.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
