package dev.oneonone.insights.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.insights.projection.ProjectionTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the person events into the directory's history: employment, reporting lines, and team and
 * department, each valid from the event's {@code occurredAt} (when it happened in the organisation,
 * not when it was recorded) until the person's next change. Applying an event again inserts nothing
 * (rows are keyed by the person stream's version) and the intervals are recomputed from the rows,
 * so the history is the same whatever order and however often the events arrive. For that reason a
 * replay need not rebuild these tables: only the live ones are written, and re-applying the history
 * leaves them as they are.
 */
@ApplicationScoped
public class DirectoryProjection {
    /** The tables this projection owns. */
    public static final List<String> TABLES = List.of("directory_person", "directory_reporting_line",
            "directory_placement");

    public Uni<Void> apply(SqlClient sql, String suffix, EventEnvelope envelope, Object event) {
        if (!ProjectionTargets.LIVE.equals(suffix)) {
            return Uni.createFrom().voidItem();
        }
        String organisation = envelope.organisationId();
        OffsetDateTime at = envelope.occurredAt().atOffset(ZoneOffset.UTC);
        long seq = envelope.aggregateVersion();
        if (event instanceof PersonRegistered registered) {
            return run(sql, """
                    insert into directory_person (person_id, organisation_id, registered_at)
                    values ($1, $2, $3) on conflict (person_id) do nothing""",
                    Tuple.of(registered.personId(), organisation, at))
                    .chain(() -> line(sql, organisation, registered.personId(), seq, registered.managerId(), at))
                    .chain(() -> placement(sql, organisation, registered.personId(), seq, registered.team(),
                            registered.department(), at));
        }
        if (event instanceof ReportingLineChanged changed) {
            return line(sql, organisation, changed.personId(), seq, changed.managerId(), at);
        }
        if (event instanceof PersonDetailsChanged changed) {
            return placement(sql, organisation, changed.personId(), seq, changed.team(), changed.department(), at);
        }
        if (event instanceof EmploymentEnded ended) {
            return run(sql, "update directory_person set last_day = $2 where person_id = $1",
                    Tuple.of(ended.personId(), ended.lastDay()));
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> line(SqlClient sql, String organisation, UUID person, long seq, UUID manager,
            OffsetDateTime at) {
        return run(sql, """
                insert into directory_reporting_line (person_id, seq, organisation_id, manager_id, valid_from)
                values ($1, $2, $3, $4, $5) on conflict (person_id, seq) do nothing""",
                Tuple.of(person, seq, organisation, manager, at))
                .chain(() -> run(sql, closeIntervals("directory_reporting_line"), Tuple.of(person)));
    }

    private static Uni<Void> placement(SqlClient sql, String organisation, UUID person, long seq, String team,
            String department, OffsetDateTime at) {
        return run(sql, """
                insert into directory_placement (person_id, seq, organisation_id, team, department, valid_from)
                values ($1, $2, $3, $4, $5, $6) on conflict (person_id, seq) do nothing""",
                Tuple.from(new Object[] { person, seq, organisation, team, department, at }))
                .chain(() -> run(sql, closeIntervals("directory_placement"), Tuple.of(person)));
    }

    /** Each row of the person is valid until their next row (by time, then stream version). */
    private static String closeIntervals(String table) {
        return """
                update %1$s r set valid_to = (select n.valid_from from %1$s n
                        where n.person_id = r.person_id and (n.valid_from, n.seq) > (r.valid_from, r.seq)
                        order by n.valid_from, n.seq limit 1)
                where r.person_id = $1""".formatted(table);
    }

    private static Uni<Void> run(SqlClient sql, String statement, Tuple parameters) {
        return sql.preparedQuery(statement).execute(parameters).replaceWithVoid();
    }
}
