package dev.oneonone.insights.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.SeriesEvent;
import dev.oneonone.insights.application.HealthAssessment;
import dev.oneonone.insights.projection.Projection;
import dev.oneonone.insights.projection.ProjectionReplay;
import dev.oneonone.insights.projection.ProjectionTargets;
import dev.oneonone.insights.projection.SuiteEventReader;
import dev.oneonone.kit.messaging.ConsumerProgress;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Consumes both topics of the suite (meetings and agenda). Each event is recorded in the insights
 * history and applied to the projections in one transaction, only on its first delivery (the history
 * is keyed by event id); after a series event, the series' health is assessed again in the same
 * transaction and a change goes to the outbox. A failure is retried until the event is applied
 * ({@link ConsumerProgress}): the consumer never stops on its own.
 */
@ApplicationScoped
public class SuiteEventsConsumer {
    private static final Logger LOG = Logger.getLogger(SuiteEventsConsumer.class);

    private final Pool pool;
    private final SuiteEventReader reader;
    private final List<Projection> projections;
    private final ProjectionTargets targets;
    private final HealthAssessment assessment;
    private final ConsumerProgress progress;

    public SuiteEventsConsumer(Pool pool, SuiteEventReader reader, Instance<Projection> projections,
            ProjectionTargets targets, HealthAssessment assessment, ConsumerProgress progress) {
        this.progress = progress;
        this.pool = pool;
        this.reader = reader;
        this.projections = ProjectionReplay.ordered(projections);
        this.targets = targets;
        this.assessment = assessment;
    }

    @Incoming("meetings-events")
    public Uni<Void> meetings(ConsumerRecord<String, String> record) {
        return consume("meetings-events", record);
    }

    @Incoming("agenda-events")
    public Uni<Void> agenda(ConsumerRecord<String, String> record) {
        return consume("agenda-events", record);
    }

    private Uni<Void> consume(String channel, ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers(), record.value());
        Object event = reader.payloadOf(envelope);
        // each attempt is the whole transaction; a failure (PostgreSQL away) is retried until it is applied
        return progress.applyUntilDone(channel, envelope.recordedAt(), () -> pool.withTransaction(connection -> recordInHistory(connection, envelope).chain(first -> {
                    if (!first) {
                        LOG.debugf("Event %s delivered again; already applied", envelope.id());
                        return Uni.createFrom().voidItem();
                    }
                    if (event == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return targets.suffixes(connection).onItem().transformToMulti(suffixes -> Multi.createFrom().iterable(suffixes))
                            .onItem().transformToUniAndConcatenate(suffix -> Multi.createFrom().iterable(projections)
                                    .onItem().transformToUniAndConcatenate(
                                            projection -> projection.apply(connection, suffix, envelope, event))
                                    .collect().last())
                            .collect().last()
                            .chain(() -> event instanceof SeriesEvent series
                                    ? assessment.afterEvent(connection, envelope.organisationId(), series.seriesId())
                                    : Uni.createFrom().voidItem());
                })));
    }

    /** True when the event is new here; false when it was delivered before. */
    private static Uni<Boolean> recordInHistory(SqlConnection connection, EventEnvelope envelope) {
        String sql = """
                insert into observed_event (event_id, organisation_id, event_type, aggregate_id, aggregate_version,
                                            occurred_at, recorded_at, payload)
                values ($1, $2, $3, $4, $5, $6, $7, cast(cast($8 as text) as jsonb))
                on conflict (event_id) do nothing""";
        return connection.preparedQuery(sql).execute(Tuple.from(new Object[] { envelope.id(), envelope.organisationId(),
                        envelope.type(), envelope.aggregateId(), envelope.aggregateVersion(),
                        envelope.occurredAt().atOffset(java.time.ZoneOffset.UTC),
                        envelope.recordedAt().atOffset(java.time.ZoneOffset.UTC), envelope.data() }))
                .map(rows -> rows.rowCount() == 1);
    }
}
