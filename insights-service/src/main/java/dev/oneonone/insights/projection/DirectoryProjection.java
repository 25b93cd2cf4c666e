package dev.oneonone.insights.projection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.ReportingLineChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the person events into the directory's history: employment, reporting lines, and team and
 * department, each valid from the event's {@code occurredAt} (when it happened in the organisation,
 * not when it was recorded) until the person's next change. Applying an event again inserts nothing
 * (rows are keyed by the person stream's version), the intervals are recomputed from the rows, and an
 * end of employment is kept even when it is applied before the registration (as a replay's copies may
 * see it, the live consumer and the replay writing side by side), so the history is the same whatever
 * order and however often the events arrive. A replay rebuilds these tables like the timelines.
 */
@ApplicationScoped
public class DirectoryProjection implements Projection {
    /** The tables this projection owns. */
    public static final List<String> TABLES = List.of("directory_person", "directory_reporting_line",
            "directory_placement");

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Uni<Void> apply(SqlClient sql, String suffix, EventEnvelope envelope, Object event) {
        String organisation = envelope.organisationId();
        OffsetDateTime at = envelope.occurredAt().atOffset(ZoneOffset.UTC);
        long seq = envelope.aggregateVersion();
        if (event instanceof PersonRegistered registered) {
            // an end of employment applied first left a row whose registered_at stands in: this one is right
            return run(sql, """
                    insert into directory_person%s (person_id, organisation_id, registered_at)
                    values ($1, $2, $3) on conflict (person_id) do update set registered_at = excluded.registered_at"""
                    .formatted(suffix), Tuple.of(registered.personId(), organisation, at))
                    .chain(() -> line(sql, suffix, organisation, registered.personId(), seq, registered.managerId(), at))
                    .chain(() -> placement(sql, suffix, organisation, registered.personId(), seq, registered.team(),
                            registered.department(), at));
        }
        if (event instanceof ReportingLineChanged changed) {
            return line(sql, suffix, organisation, changed.personId(), seq, changed.managerId(), at);
        }
        if (event instanceof PersonDetailsChanged changed) {
            return placement(sql, suffix, organisation, changed.personId(), seq, changed.team(), changed.department(), at);
        }
        if (event instanceof EmploymentEnded ended) {
            return run(sql, """
                    insert into directory_person%s (person_id, organisation_id, registered_at, last_day)
                    values ($1, $2, $3, $4) on conflict (person_id) do update set last_day = excluded.last_day"""
                    .formatted(suffix), Tuple.of(ended.personId(), organisation, at, ended.lastDay()));
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> line(SqlClient sql, String suffix, String organisation, UUID person, long seq, UUID manager,
            OffsetDateTime at) {
        return run(sql, """
                insert into directory_reporting_line%s (person_id, seq, organisation_id, manager_id, valid_from)
                values ($1, $2, $3, $4, $5) on conflict (person_id, seq) do nothing""".formatted(suffix),
                Tuple.of(person, seq, organisation, manager, at))
                .chain(() -> run(sql, closeIntervals("directory_reporting_line" + suffix), Tuple.of(person)));
    }

    private static Uni<Void> placement(SqlClient sql, String suffix, String organisation, UUID person, long seq, String team,
            String department, OffsetDateTime at) {
        return run(sql, """
                insert into directory_placement%s (person_id, seq, organisation_id, team, department, valid_from)
                values ($1, $2, $3, $4, $5, $6) on conflict (person_id, seq) do nothing""".formatted(suffix),
                Tuple.from(new Object[] { person, seq, organisation, team, department, at }))
                .chain(() -> run(sql, closeIntervals("directory_placement" + suffix), Tuple.of(person)));
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
