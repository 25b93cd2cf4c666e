package dev.oneonone.insights.directory;

import java.time.Instant;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.ReportingLineChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the person events into the directory's history: employment, reporting lines, and team and
 * department, each valid from the event's {@code occurredAt} (when it happened in the organisation,
 * not when it was recorded) until the person's next change. Applying an event again inserts nothing
 * (rows are keyed by the person stream's version), and the intervals are recomputed from the rows,
 * so the history is the same whatever order the events arrive in.
 */
@ApplicationScoped
public class DirectoryProjection {

    public Uni<Void> apply(EventEnvelope envelope, MeetingsEvent event) {
        String organisation = envelope.organisationId();
        Instant at = envelope.occurredAt();
        long seq = envelope.aggregateVersion();
        if (event instanceof PersonRegistered registered) {
            return execute("""
                    insert into directory_person (person_id, organisation_id, registered_at)
                    values (?1, ?2, ?3) on conflict (person_id) do nothing""", registered.personId(), organisation, at)
                    .chain(() -> line(organisation, registered.personId(), seq, registered.managerId(), at))
                    .chain(() -> placement(organisation, registered.personId(), seq, registered.team(),
                            registered.department(), at));
        }
        if (event instanceof ReportingLineChanged changed) {
            return line(organisation, changed.personId(), seq, changed.managerId(), at);
        }
        if (event instanceof PersonDetailsChanged changed) {
            return placement(organisation, changed.personId(), seq, changed.team(), changed.department(), at);
        }
        if (event instanceof EmploymentEnded ended) {
            return execute("update directory_person set last_day = ?2 where person_id = ?1", ended.personId(),
                    ended.lastDay());
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> line(String organisation, UUID person, long seq, UUID manager, Instant at) {
        return execute("""
                insert into directory_reporting_line (person_id, seq, organisation_id, manager_id, valid_from)
                values (?1, ?2, ?3, ?4, ?5) on conflict (person_id, seq) do nothing""",
                person, seq, organisation, manager, at)
                .chain(() -> execute(closeIntervals("directory_reporting_line"), person));
    }

    private static Uni<Void> placement(String organisation, UUID person, long seq, String team, String department,
            Instant at) {
        return execute("""
                insert into directory_placement (person_id, seq, organisation_id, team, department, valid_from)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (person_id, seq) do nothing""",
                person, seq, organisation, team, department, at)
                .chain(() -> execute(closeIntervals("directory_placement"), person));
    }

    /** Each row of the person is valid until their next row (by time, then stream version). */
    private static String closeIntervals(String table) {
        return """
                update %1$s r set valid_to = (select n.valid_from from %1$s n
                        where n.person_id = r.person_id and (n.valid_from, n.seq) > (r.valid_from, r.seq)
                        order by n.valid_from, n.seq limit 1)
                where r.person_id = ?1""".formatted(table);
    }

    private static Uni<Void> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
