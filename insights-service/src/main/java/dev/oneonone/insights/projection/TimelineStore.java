package dev.oneonone.insights.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.insights.domain.figures.SeriesTimeline;
import dev.oneonone.insights.domain.figures.SeriesTimeline.AgreementRecord;
import dev.oneonone.insights.domain.figures.SeriesTimeline.DueChange;
import dev.oneonone.insights.domain.figures.SeriesTimeline.MeetingRecord;
import dev.oneonone.insights.domain.figures.SeriesTimeline.Move;
import dev.oneonone.insights.domain.figures.SeriesTimeline.SeriesChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads series timelines back from the projection tables: for a whole organisation in seven bulk
 * queries run side by side (one per table), or for one series. A series whose SeriesStarted has not
 * arrived yet is left out: facts about it wait in the tables until it does.
 */
@ApplicationScoped
public class TimelineStore {
    /** Which series to read: a whole organisation, or one series of it. */
    private record Scope(String where, String meetingsWhere, Tuple values) {
        static Scope organisation(String org) {
            return new Scope("organisation_id = $1", "organisation_id = $1", Tuple.of(org));
        }

        static Scope series(String org, UUID seriesId) {
            return new Scope("organisation_id = $1 and series_id = $2",
                    "organisation_id = $1 and meeting_id in (select meeting_id from meeting_timeline "
                            + "where organisation_id = $1 and series_id = $2)",
                    Tuple.of(org, seriesId));
        }

        static Scope series(String org, Collection<UUID> seriesIds) {
            return new Scope("organisation_id = $1 and series_id = any($2)",
                    "organisation_id = $1 and meeting_id in (select meeting_id from meeting_timeline "
                            + "where organisation_id = $1 and series_id = any($2))",
                    Tuple.of(org, seriesIds.toArray(UUID[]::new)));
        }
    }

    /** Every series of the organisation, in no particular order. */
    public Uni<List<SeriesTimeline>> ofOrganisation(SqlClient sql, String organisationId) {
        return load(sql, Scope.organisation(organisationId), true);
    }

    /** The series, or null when it is unknown in the organisation. */
    public Uni<SeriesTimeline> ofSeries(SqlClient sql, String organisationId, UUID seriesId) {
        return load(sql, Scope.series(organisationId, seriesId), true)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The chosen series of the organisation that are known (their SeriesStarted arrived), in no particular order. */
    public Uni<List<SeriesTimeline>> ofSeries(SqlClient sql, String organisationId, Collection<UUID> seriesIds) {
        return load(sql, Scope.series(organisationId, seriesIds), true);
    }

    /**
     * The series with only what its health and recommendations depend on (cadence, pauses, end, and its
     * {@code lastHeld} latest held meetings: the gap counts from the last one, a run of short meetings needs no
     * more than the streak's length): no moves, agreements or topics, and a read that does not grow with the
     * meetings the series has had (index {@code meeting_timeline_held}, migration V15). For assessing after each
     * event; its other figures (counts, adherence) are not the series' and must not be shown.
     */
    public Uni<SeriesTimeline> forHealthOf(SqlClient sql, String organisationId, UUID seriesId, int lastHeld) {
        return load(sql, Scope.series(organisationId, seriesId), false, lastHeld)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    private Uni<List<SeriesTimeline>> load(SqlClient sql, Scope scope, boolean everything) {
        return load(sql, scope, everything, 0);
    }

    private Uni<List<SeriesTimeline>> load(SqlClient sql, Scope scope, boolean everything, int lastHeld) {
        Uni<RowSet<Row>> series = query(sql, "select series_id, organisation_id, leader_id, companion_id, relationship, "
                + "cadence, time_zone, starts_on, ended_at, ended_on from series_timeline where " + scope.where(), scope);
        Uni<RowSet<Row>> changes = query(sql, "select series_id, kind, occurred_at, version, cadence, from_day, until_day "
                + "from series_change where " + scope.where(), scope);
        Uni<RowSet<Row>> meetings = query(sql, "select meeting_id, series_id, scheduled_for, scheduled_at, held_at, "
                + "actual_minutes, cancelled_at, missed_at from meeting_timeline where " + scope.where()
                + (everything ? "" : " and held_at is not null order by held_at desc, meeting_id desc limit "
                        + Math.max(1, lastHeld)), scope);
        if (!everything) {
            RowSet<Row> none = null;
            return Uni.combine().all().unis(series, changes, meetings)
                    .with((s, c, m) -> assemble(s, c, m, none, none, none, none));
        }
        Uni<RowSet<Row>> moves = query(sql, "select meeting_id, moved_to, occurred_at from meeting_move where "
                + scope.where(), scope);
        Uni<RowSet<Row>> topics = query(sql, "select meeting_id, min(arrived_at) as first_at from companion_topic where "
                + scope.meetingsWhere() + " group by meeting_id", scope);
        Uni<RowSet<Row>> agreements = query(sql, "select agreement_id, series_id, owner_role, made_at, due_on, "
                + "completed_at, dropped_at from agreement_timeline where " + scope.where(), scope);
        Uni<RowSet<Row>> dueChanges = query(sql, "select agreement_id, due_on, occurred_at from agreement_due_change "
                + "where " + scope.where(), scope);
        return Uni.combine().all().unis(series, changes, meetings, moves, topics, agreements, dueChanges)
                .with((s, c, m, mv, t, a, d) -> assemble(s, c, m, mv, t, a, d));
    }

    private static Uni<RowSet<Row>> query(SqlClient sql, String statement, Scope scope) {
        return sql.preparedQuery(statement).execute(scope.values());
    }

    private static List<SeriesTimeline> assemble(RowSet<Row> seriesRows, RowSet<Row> changeRows,
            RowSet<Row> meetingRows, RowSet<Row> moveRows, RowSet<Row> topicRows, RowSet<Row> agreementRows,
            RowSet<Row> dueChangeRows) {
        Map<UUID, List<SeriesChange>> changes = new HashMap<>();
        for (Row row : changeRows) {
            changes.computeIfAbsent(row.getUUID("series_id"), id -> new ArrayList<>()).add(new SeriesChange(
                    SeriesChange.Kind.valueOf(row.getString("kind")), instant(row, "occurred_at"), row.getLong("version"),
                    row.getString("cadence") == null ? null : Cadence.valueOf(row.getString("cadence")),
                    row.getLocalDate("from_day"), row.getLocalDate("until_day")));
        }
        Map<UUID, List<Move>> moves = new HashMap<>();
        if (moveRows != null) {
            for (Row row : moveRows) {
                moves.computeIfAbsent(row.getUUID("meeting_id"), id -> new ArrayList<>())
                        .add(new Move(instant(row, "moved_to"), instant(row, "occurred_at")));
            }
        }
        Map<UUID, Instant> firstTopic = new HashMap<>();
        if (topicRows != null) {
            for (Row row : topicRows) {
                firstTopic.put(row.getUUID("meeting_id"), instant(row, "first_at"));
            }
        }
        Map<UUID, List<MeetingRecord>> meetings = new HashMap<>();
        for (Row row : meetingRows) {
            UUID meetingId = row.getUUID("meeting_id");
            meetings.computeIfAbsent(row.getUUID("series_id"), id -> new ArrayList<>()).add(new MeetingRecord(meetingId,
                    instant(row, "scheduled_for"), instant(row, "scheduled_at"), moves.get(meetingId),
                    instant(row, "held_at"), row.getInteger("actual_minutes"), instant(row, "cancelled_at"),
                    instant(row, "missed_at"), firstTopic.get(meetingId)));
        }
        Map<UUID, List<DueChange>> dueChanges = new HashMap<>();
        if (dueChangeRows != null) {
            for (Row row : dueChangeRows) {
                dueChanges.computeIfAbsent(row.getUUID("agreement_id"), id -> new ArrayList<>())
                        .add(new DueChange(row.getLocalDate("due_on"), instant(row, "occurred_at")));
            }
        }
        Map<UUID, List<AgreementRecord>> agreements = new HashMap<>();
        if (agreementRows != null) {
            for (Row row : agreementRows) {
                if (row.getString("owner_role") == null) {
                    continue; // its AgreementMade has not arrived yet
                }
                UUID agreementId = row.getUUID("agreement_id");
                agreements.computeIfAbsent(row.getUUID("series_id"), id -> new ArrayList<>()).add(new AgreementRecord(
                        agreementId, AuthorRole.valueOf(row.getString("owner_role")), instant(row, "made_at"),
                        row.getLocalDate("due_on"), dueChanges.get(agreementId), instant(row, "completed_at"),
                        instant(row, "dropped_at")));
            }
        }
        Map<UUID, SeriesTimeline> result = new LinkedHashMap<>();
        for (Row row : seriesRows) {
            if (row.getLocalDate("starts_on") == null) {
                continue; // only its end is known so far
            }
            UUID seriesId = row.getUUID("series_id");
            ZoneId zone = ZoneId.of(row.getString("time_zone"));
            // an end with its day (SeriesEnded.endedOn) takes effect at the start of that day in the series' zone
            LocalDate endedOn = row.getLocalDate("ended_on");
            Instant endedAt = endedOn != null ? endedOn.atStartOfDay(zone).toInstant() : instant(row, "ended_at");
            // an end before the start (old data) ends the series as it starts: never current, no negative figures
            Instant startsAt = row.getLocalDate("starts_on").atStartOfDay(zone).toInstant();
            if (endedAt != null && endedAt.isBefore(startsAt)) {
                endedAt = startsAt;
            }
            result.put(seriesId, new SeriesTimeline(seriesId, row.getString("organisation_id"), row.getUUID("leader_id"),
                    row.getUUID("companion_id"), Relationship.valueOf(row.getString("relationship")),
                    Cadence.valueOf(row.getString("cadence")), zone,
                    row.getLocalDate("starts_on"), endedAt,
                    changes.getOrDefault(seriesId, List.of()), meetings.getOrDefault(seriesId, List.of()),
                    agreements.getOrDefault(seriesId, List.of())));
        }
        return new ArrayList<>(result.values());
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
