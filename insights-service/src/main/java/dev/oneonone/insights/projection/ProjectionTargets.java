package dev.oneonone.insights.projection;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Which sets of projection tables a consumed event goes to: always the live ones, and while a replay
 * builds, its copies too (suffix {@code _next}), so that nothing consumed during the replay is missing
 * from the copies when they are swapped in. Decided from the database in the consumer's own transaction
 * (do the copies exist?), not from this instance's memory: a replay run by another instance of the service
 * is fed by this instance's consumer as well. A transaction that decided "copies too" just before the swap
 * renamed them fails on the missing copy and is tried again (the consumer never gives up), then writes the
 * live tables only.
 */
@ApplicationScoped
public class ProjectionTargets {
    public static final String LIVE = "";
    public static final String NEXT = "_next";
    private static final List<String> LIVE_ONLY = List.of(LIVE);
    private static final List<String> LIVE_AND_NEXT = List.of(LIVE, NEXT);

    /** A copy every replay builds (the first table of the first projection): while it exists, a replay builds. */
    private final String marker;

    public ProjectionTargets(Instance<Projection> projections) {
        this.marker = ProjectionReplay.ordered(projections).get(0).tables().get(0) + NEXT;
    }

    /** The suffixes to write, as this transaction sees the database. */
    public Uni<List<String>> suffixes(SqlConnection connection) {
        return connection.preparedQuery("select to_regclass($1) is not null").execute(Tuple.of(marker))
                .map(rows -> rows.iterator().next().getBoolean(0) ? LIVE_AND_NEXT : LIVE_ONLY);
    }
}
