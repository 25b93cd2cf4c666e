package dev.oneonone.insights.projection;

import java.util.List;

import dev.oneonone.events.EventEnvelope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A projection of the consumed events into tables of its own. The live consumer applies every event
 * to each projection, and a replay rebuilds all of them: it copies {@link #tables()} to
 * {@code <table>_next}, applies the history with {@code suffix} {@link ProjectionTargets#NEXT}, and
 * swaps the copies in. So an implementation must write only to its tables, named with the suffix, and
 * give the same rows whatever the order and number of deliveries of the events.
 */
public interface Projection {
    /** The tables this projection owns; a replay rebuilds them. */
    List<String> tables();

    /**
     * Whether {@link #apply} may write anything for a payload of this class (or of a subclass): a replay skips the
     * records that no projection follows before it parses their payloads. The default, true, is always safe.
     */
    default boolean follows(Class<?> payloadClass) {
        return true;
    }

    /** Folds one event into the set of tables named with {@code suffix} ("" live, "_next" a replay's copies). */
    Uni<Void> apply(SqlClient sql, String suffix, EventEnvelope envelope, Object event);

    /**
     * Folds a batch of events, in order, into the tables named with {@code suffix}: the same rows as
     * {@link #apply} of each in turn. This default does exactly that; an implementation may write the batch with
     * a few set-based statements instead (the replay's path).
     */
    default Uni<Void> applyAll(SqlClient sql, String suffix, List<ProjectedEvent> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(one -> apply(sql, suffix, one.envelope(), one.event()))
                .collect().last().replaceWithVoid();
    }
}
