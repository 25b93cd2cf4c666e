package dev.oneonone.insights.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.EmploymentEndWithdrawn;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.insights.config.InsightsConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import static dev.oneonone.insights.projection.SetWrite.Type.DATE;
import static dev.oneonone.insights.projection.SetWrite.Type.INT8;
import static dev.oneonone.insights.projection.SetWrite.Type.TEXT;
import static dev.oneonone.insights.projection.SetWrite.Type.TIMESTAMPTZ;
import static dev.oneonone.insights.projection.SetWrite.column;

/**
 * Folds the person events into the directory's history: employment periods, reporting lines, and team
 * and department, each valid from the day it takes effect ({@code effectiveOn} of the payload, its start
 * in the organisation's time zone; for older events without it, the event's {@code occurredAt}) until
 * the person's next change. A registration or rehire starts an employment period, an end of employment
 * closes it after its last day. Applying an event again inserts nothing (rows are keyed by the person
 * stream's version), the intervals are recomputed from the rows and the periods are folded from them in
 * version order when read, so the history is the same whatever order and however often the events arrive
 * (a replay's copies may see an end before its registration). A replay rebuilds these tables like the
 * timelines. {@link #applyAll} writes a batch with one insert per table and recomputes the intervals of
 * the people it touched once.
 */
@ApplicationScoped
public class DirectoryProjection implements Projection {
    /** The tables this projection owns. */
    public static final List<String> TABLES = List.of("directory_employment", "directory_reporting_line",
            "directory_placement");

    private final InsightsConfig.OrganisationTimeZone timeZones;

    public DirectoryProjection(InsightsConfig.OrganisationTimeZone timeZones) {
        this.timeZones = timeZones;
    }

    /** The payloads {@link #apply} writes for. */
    private static final List<Class<?>> FOLLOWED = List.of(PersonRegistered.class, PersonRehired.class,
            ReportingLineChanged.class, PersonDetailsChanged.class, EmploymentEnded.class,
            EmploymentEndWithdrawn.class);

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public boolean follows(Class<?> payloadClass) {
        return FOLLOWED.contains(payloadClass);
    }

    @Override
    public Uni<Void> apply(SqlClient sql, String suffix, EventEnvelope envelope, Object event) {
        String organisation = envelope.organisationId();
        long seq = envelope.aggregateVersion();
        if (event instanceof PersonRegistered registered) {
            OffsetDateTime at = effective(envelope, registered.effectiveOn());
            return start(sql, suffix, organisation, registered.personId(), seq, at)
                    .chain(() -> line(sql, suffix, organisation, registered.personId(), seq, registered.managerId(), at))
                    .chain(() -> placement(sql, suffix, organisation, registered.personId(), seq, registered.team(),
                            registered.department(), at));
        }
        if (event instanceof PersonRehired rehired) {
            OffsetDateTime at = effective(envelope, rehired.effectiveOn());
            return start(sql, suffix, organisation, rehired.personId(), seq, at)
                    .chain(() -> line(sql, suffix, organisation, rehired.personId(), seq, rehired.managerId(), at))
                    .chain(() -> placement(sql, suffix, organisation, rehired.personId(), seq, rehired.team(),
                            rehired.department(), at));
        }
        if (event instanceof ReportingLineChanged changed) {
            return line(sql, suffix, organisation, changed.personId(), seq, changed.managerId(),
                    effective(envelope, changed.effectiveOn()));
        }
        if (event instanceof PersonDetailsChanged changed) {
            return placement(sql, suffix, organisation, changed.personId(), seq, changed.team(), changed.department(),
                    effective(envelope, changed.effectiveOn()));
        }
        if (event instanceof EmploymentEnded ended) {
            return run(sql, """
                    insert into directory_employment%s (person_id, seq, organisation_id, last_day)
                    values ($1, $2, $3, $4) on conflict (person_id, seq) do nothing""".formatted(suffix),
                    Tuple.of(ended.personId(), seq, organisation, ended.lastDay()));
        }
        if (event instanceof EmploymentEndWithdrawn withdrawn) {
            return run(sql, """
                    insert into directory_employment%s (person_id, seq, organisation_id, end_withdrawn)
                    values ($1, $2, $3, true) on conflict (person_id, seq) do nothing""".formatted(suffix),
                    Tuple.of(withdrawn.personId(), seq, organisation));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The batch in five statements: each table's rows (the first of a key: "do nothing"), then the intervals of
     * every person with a new line or placement, recomputed from the rows as {@link #apply} does after each.
     */
    @Override
    public Uni<Void> applyAll(SqlClient sql, String suffix, List<ProjectedEvent> events) {
        SetWrite employment = new SetWrite("directory_employment", List.of(column("person_id", SetWrite.Type.UUID),
                column("seq", INT8), column("organisation_id", TEXT), column("starts_at", TIMESTAMPTZ),
                column("last_day", DATE), column("end_withdrawn", SetWrite.Type.BOOL)),
                "on conflict (person_id, seq) do nothing");
        SetWrite lines = new SetWrite("directory_reporting_line", List.of(column("person_id", SetWrite.Type.UUID),
                column("seq", INT8), column("organisation_id", TEXT), column("manager_id", SetWrite.Type.UUID),
                column("valid_from", TIMESTAMPTZ)), "on conflict (person_id, seq) do nothing");
        SetWrite placements = new SetWrite("directory_placement", List.of(column("person_id", SetWrite.Type.UUID),
                column("seq", INT8), column("organisation_id", TEXT), column("team", TEXT), column("department", TEXT),
                column("valid_from", TIMESTAMPTZ)), "on conflict (person_id, seq) do nothing");
        for (ProjectedEvent one : events) {
            EventEnvelope envelope = one.envelope();
            String org = envelope.organisationId();
            Long seq = envelope.aggregateVersion();
            if (one.event() instanceof PersonRegistered registered) {
                startAll(employment, lines, placements, envelope, registered.personId(), registered.managerId(),
                        registered.team(), registered.department(), effective(envelope, registered.effectiveOn()));
            } else if (one.event() instanceof PersonRehired rehired) {
                startAll(employment, lines, placements, envelope, rehired.personId(), rehired.managerId(),
                        rehired.team(), rehired.department(), effective(envelope, rehired.effectiveOn()));
            } else if (one.event() instanceof ReportingLineChanged changed) {
                lines.first(List.of(changed.personId(), seq), changed.personId(), seq, org, changed.managerId(),
                        effective(envelope, changed.effectiveOn()));
            } else if (one.event() instanceof PersonDetailsChanged changed) {
                placements.first(List.of(changed.personId(), seq), changed.personId(), seq, org, changed.team(),
                        changed.department(), effective(envelope, changed.effectiveOn()));
            } else if (one.event() instanceof EmploymentEnded ended) {
                employment.first(List.of(ended.personId(), seq), ended.personId(), seq, org, null, ended.lastDay(),
                        false);
            } else if (one.event() instanceof EmploymentEndWithdrawn withdrawn) {
                employment.first(List.of(withdrawn.personId(), seq), withdrawn.personId(), seq, org, null, null, true);
            }
        }
        UUID[] linePeople = people(lines);
        UUID[] placedPeople = people(placements);
        return Multi.createFrom().items(employment, lines, placements)
                .onItem().transformToUniAndConcatenate(write -> write.execute(sql, suffix))
                .collect().last()
                .chain(() -> closeIntervalsOf(sql, "directory_reporting_line" + suffix, linePeople))
                .chain(() -> closeIntervalsOf(sql, "directory_placement" + suffix, placedPeople));
    }

    /** A registration's or rehire's rows: a period's start, a reporting line and a placement. */
    private static void startAll(SetWrite employment, SetWrite lines, SetWrite placements, EventEnvelope envelope,
            UUID person, UUID manager, String team, String department, OffsetDateTime at) {
        Long seq = envelope.aggregateVersion();
        String org = envelope.organisationId();
        employment.first(List.of(person, seq), person, seq, org, at, null, false);
        lines.first(List.of(person, seq), person, seq, org, manager, at);
        placements.first(List.of(person, seq), person, seq, org, team, department, at);
    }

    private static UUID[] people(SetWrite write) {
        return write.uuidKeys(key -> (UUID) ((List<?>) key).get(0)).toArray(UUID[]::new);
    }

    /**
     * {@link #closeIntervals} for many people in one statement: each row's next row by time, then stream version,
     * is its {@code lead}; only rows whose end changes are written.
     */
    private static Uni<Void> closeIntervalsOf(SqlClient sql, String table, UUID[] people) {
        return people.length == 0 ? Uni.createFrom().voidItem() : run(sql, """
                update %1$s r set valid_to = n.next
                from (select person_id, seq, lead(valid_from) over (partition by person_id order by valid_from, seq)
                        as next from %1$s where person_id = any($1::uuid[])) n
                where r.person_id = n.person_id and r.seq = n.seq and r.valid_to is distinct from n.next"""
                .formatted(table), Tuple.of((Object) people));
    }

    /** The start of the effective day in the organisation's zone; an older event's own time without one. */
    private OffsetDateTime effective(EventEnvelope envelope, LocalDate effectiveOn) {
        Instant at = effectiveOn == null ? envelope.occurredAt()
                : effectiveOn.atStartOfDay(timeZones.zone(envelope.organisationId())).toInstant();
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Uni<Void> start(SqlClient sql, String suffix, String organisation, UUID person, long seq,
            OffsetDateTime at) {
        return run(sql, """
                insert into directory_employment%s (person_id, seq, organisation_id, starts_at)
                values ($1, $2, $3, $4) on conflict (person_id, seq) do nothing""".formatted(suffix),
                Tuple.of(person, seq, organisation, at));
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
