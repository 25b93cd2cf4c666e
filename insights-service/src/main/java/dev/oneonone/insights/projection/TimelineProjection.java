package dev.oneonone.insights.projection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementDropped;
import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesResumed;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.insights.domain.figures.SeriesTimeline.SeriesChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the events of meetings-service and agenda-service into the timeline tables (series, their
 * changes, meetings and their moves, the companion's topics, agreements and their due dates). Every
 * write is an upsert of one fact with the time it happened, keyed by what it describes or by the
 * event id: applying an event twice, or events in any interleaving of the two topics, gives the same
 * rows. {@code suffix} names the set of tables: "" for the live ones, "_next" while a replay builds.
 */
@ApplicationScoped
public class TimelineProjection implements Projection {
    /** The tables this projection owns, rebuilt by a replay. */
    public static final List<String> TABLES = List.of("series_timeline", "series_change", "meeting_timeline",
            "meeting_move", "companion_topic", "agreement_timeline", "agreement_due_change");

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Uni<Void> apply(SqlClient sql, String suffix, EventEnvelope envelope, Object event) {
        String org = envelope.organisationId();
        OffsetDateTime at = time(envelope.occurredAt());
        if (event instanceof SeriesStarted started) {
            return run(sql, """
                    insert into series_timeline%s (series_id, organisation_id, leader_id, companion_id, relationship,
                        cadence, time_zone, starts_on, started_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    on conflict (series_id) do update set leader_id = excluded.leader_id,
                        companion_id = excluded.companion_id, relationship = excluded.relationship,
                        cadence = excluded.cadence, time_zone = excluded.time_zone, starts_on = excluded.starts_on,
                        started_at = excluded.started_at""", suffix,
                    Tuple.from(new Object[] { started.seriesId(), org, started.leaderId(), started.companionId(),
                            started.relationship().name(), started.cadence().name(), started.timeZone(),
                            started.startsOn(), at }));
        }
        if (event instanceof SeriesEnded ended) {
            return run(sql, """
                    insert into series_timeline%s (series_id, organisation_id, ended_at, ended_on) values ($1, $2, $3, $4)
                    on conflict (series_id) do update set ended_at = excluded.ended_at, ended_on = excluded.ended_on""",
                    suffix, Tuple.of(ended.seriesId(), org, at, ended.endedOn()));
        }
        if (event instanceof CadenceChanged changed) {
            return change(sql, suffix, envelope, changed.seriesId(), SeriesChange.Kind.CADENCE, changed.to().name(),
                    null, null);
        }
        if (event instanceof SeriesPaused paused) {
            return change(sql, suffix, envelope, paused.seriesId(), SeriesChange.Kind.PAUSE, null, paused.from(),
                    paused.until());
        }
        if (event instanceof SeriesResumed resumed) {
            return change(sql, suffix, envelope, resumed.seriesId(), SeriesChange.Kind.RESUME, null,
                    resumed.resumedOn(), null);
        }
        if (event instanceof MeetingScheduled scheduled) {
            return run(sql, """
                    insert into meeting_timeline%s (meeting_id, series_id, organisation_id, scheduled_for,
                        planned_minutes, scheduled_at) values ($1, $2, $3, $4, $5, $6)
                    on conflict (meeting_id) do update set scheduled_for = excluded.scheduled_for,
                        planned_minutes = excluded.planned_minutes, scheduled_at = excluded.scheduled_at""", suffix,
                    Tuple.of(scheduled.meetingId(), scheduled.seriesId(), org, time(scheduled.scheduledFor()),
                            scheduled.plannedMinutes(), at));
        }
        if (event instanceof MeetingRescheduled moved) {
            return run(sql, """
                    insert into meeting_move%s (event_id, meeting_id, series_id, organisation_id, moved_to, occurred_at)
                    values ($1, $2, $3, $4, $5, $6) on conflict (event_id) do nothing""", suffix,
                    Tuple.of(envelope.id(), moved.meetingId(), moved.seriesId(), org, time(moved.to()), at));
        }
        if (event instanceof MeetingHeld held) {
            return run(sql, """
                    insert into meeting_timeline%s (meeting_id, series_id, organisation_id, held_at, actual_minutes)
                    values ($1, $2, $3, $4, $5)
                    on conflict (meeting_id) do update set held_at = excluded.held_at,
                        actual_minutes = excluded.actual_minutes""", suffix,
                    Tuple.of(held.meetingId(), held.seriesId(), org, time(held.heldAt()), held.actualMinutes()));
        }
        if (event instanceof MeetingCancelled cancelled) {
            return meetingMark(sql, suffix, "cancelled_at", cancelled.meetingId(), cancelled.seriesId(), org, at);
        }
        if (event instanceof MeetingMissed missed) {
            return meetingMark(sql, suffix, "missed_at", missed.meetingId(), missed.seriesId(), org, at);
        }
        if (event instanceof TopicAdded added && added.authorRole() == AuthorRole.COMPANION) {
            return companionTopic(sql, suffix, added.meetingId(), added.topicId(), org, at);
        }
        if (event instanceof TopicCarriedOver carried && carried.authorRole() == AuthorRole.COMPANION) {
            return companionTopic(sql, suffix, carried.meetingId(), carried.topicId(), org, at);
        }
        if (event instanceof AgreementMade made) {
            return run(sql, """
                    insert into agreement_timeline%s (agreement_id, series_id, organisation_id, owner_role, made_at, due_on)
                    values ($1, $2, $3, $4, $5, $6)
                    on conflict (agreement_id) do update set owner_role = excluded.owner_role,
                        made_at = excluded.made_at, due_on = excluded.due_on""", suffix,
                    Tuple.of(made.agreementId(), made.seriesId(), org, made.ownerRole().name(), at, made.dueOn()));
        }
        if (event instanceof AgreementCompleted completed) {
            return agreementMark(sql, suffix, "completed_at", completed.agreementId(), completed.seriesId(), org, at);
        }
        if (event instanceof AgreementDropped dropped) {
            return agreementMark(sql, suffix, "dropped_at", dropped.agreementId(), dropped.seriesId(), org, at);
        }
        if (event instanceof AgreementDueDateChanged changed) {
            return run(sql, """
                    insert into agreement_due_change%s (event_id, agreement_id, series_id, organisation_id, due_on,
                        occurred_at) values ($1, $2, $3, $4, $5, $6) on conflict (event_id) do nothing""", suffix,
                    Tuple.of(envelope.id(), changed.agreementId(), changed.seriesId(), org, changed.dueOn(), at));
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> change(SqlClient sql, String suffix, EventEnvelope envelope, java.util.UUID seriesId,
            SeriesChange.Kind kind, String cadence, java.time.LocalDate from, java.time.LocalDate until) {
        return run(sql, """
                insert into series_change%s (event_id, series_id, organisation_id, version, occurred_at, kind, cadence,
                    from_day, until_day) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                on conflict (event_id) do nothing""", suffix,
                Tuple.from(new Object[] { envelope.id(), seriesId, envelope.organisationId(),
                        envelope.aggregateVersion(), time(envelope.occurredAt()), kind.name(), cadence, from, until }));
    }

    private static Uni<Void> meetingMark(SqlClient sql, String suffix, String column, java.util.UUID meetingId,
            java.util.UUID seriesId, String org, OffsetDateTime at) {
        return run(sql, "insert into meeting_timeline%s (meeting_id, series_id, organisation_id, " + column
                + ") values ($1, $2, $3, $4) on conflict (meeting_id) do update set " + column + " = excluded." + column,
                suffix, Tuple.of(meetingId, seriesId, org, at));
    }

    private static Uni<Void> agreementMark(SqlClient sql, String suffix, String column, java.util.UUID agreementId,
            java.util.UUID seriesId, String org, OffsetDateTime at) {
        return run(sql, "insert into agreement_timeline%s (agreement_id, series_id, organisation_id, " + column
                + ") values ($1, $2, $3, $4) on conflict (agreement_id) do update set " + column + " = excluded." + column,
                suffix, Tuple.of(agreementId, seriesId, org, at));
    }

    /** The earliest arrival wins, so an added topic later carried over keeps when it first arrived here. */
    private static Uni<Void> companionTopic(SqlClient sql, String suffix, java.util.UUID meetingId,
            java.util.UUID topicId, String org, OffsetDateTime at) {
        return run(sql, """
                insert into companion_topic%s (meeting_id, topic_id, organisation_id, arrived_at) values ($1, $2, $3, $4)
                on conflict (meeting_id, topic_id) do update
                    set arrived_at = least(companion_topic%1$s.arrived_at, excluded.arrived_at)""", suffix,
                Tuple.of(meetingId, topicId, org, at));
    }

    private static Uni<Void> run(SqlClient sql, String statement, String suffix, Tuple values) {
        return sql.preparedQuery(statement.formatted(suffix)).execute(values).replaceWithVoid();
    }

    static OffsetDateTime time(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
