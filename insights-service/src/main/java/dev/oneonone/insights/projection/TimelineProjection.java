package dev.oneonone.insights.projection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import static dev.oneonone.insights.projection.SetWrite.Type.DATE;
import static dev.oneonone.insights.projection.SetWrite.Type.INT4;
import static dev.oneonone.insights.projection.SetWrite.Type.INT8;
import static dev.oneonone.insights.projection.SetWrite.Type.TEXT;
import static dev.oneonone.insights.projection.SetWrite.Type.TIMESTAMPTZ;
import static dev.oneonone.insights.projection.SetWrite.column;
import static dev.oneonone.insights.projection.SetWrite.concat;

/**
 * Folds the events of meetings-service and agenda-service into the timeline tables (series, their
 * changes, meetings and their moves, the companion's topics, agreements and their due dates). Every
 * write is an upsert of one fact with the time it happened, keyed by what it describes or by the
 * event id: applying an event twice, or events in any interleaving of the two topics, gives the same
 * rows. {@code suffix} names the set of tables: "" for the live ones, "_next" while a replay builds.
 * {@link #applyAll} writes a batch with one statement per table and kind of fact ({@link SetWrite}).
 */
@ApplicationScoped
public class TimelineProjection implements Projection {
    /** The tables this projection owns, rebuilt by a replay. */
    public static final List<String> TABLES = List.of("series_timeline", "series_change", "meeting_timeline",
            "meeting_move", "companion_topic", "agreement_timeline", "agreement_due_change");

    /** The payloads {@link #apply} writes for (a topic only when its author is the companion). */
    private static final List<Class<?>> FOLLOWED = List.of(SeriesStarted.class, SeriesEnded.class,
            CadenceChanged.class, SeriesPaused.class, SeriesResumed.class, MeetingScheduled.class,
            MeetingRescheduled.class, MeetingHeld.class, MeetingCancelled.class, MeetingMissed.class, TopicAdded.class,
            TopicCarriedOver.class, AgreementMade.class, AgreementCompleted.class, AgreementDropped.class,
            AgreementDueDateChanged.class);

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

    /**
     * The batch with at most 15 statements, each one {@code unnest} of the batch's rows: per key the columns
     * that only an insert sets (organisation, series) come from the batch's first event of that key, a
     * "do update" group of columns from its last, {@code arrived_at} is the least, and rows keyed by event id
     * are the first; so the rows equal those of {@link #apply} of each event in turn.
     */
    @Override
    public Uni<Void> applyAll(SqlClient sql, String suffix, List<ProjectedEvent> events) {
        Batch batch = new Batch();
        for (ProjectedEvent one : events) {
            batch.add(one.envelope(), one.event());
        }
        return Multi.createFrom().iterable(batch.writes())
                .onItem().transformToUniAndConcatenate(write -> write.execute(sql, suffix))
                .collect().last().replaceWithVoid();
    }

    /** A batch's rows, table by table and group of columns by group of columns. */
    private static final class Batch {
        private static final String SERIES_KEY = "on conflict (series_id) do update set ";
        private static final String MEETING_KEY = "on conflict (meeting_id) do update set ";
        private static final String AGREEMENT_KEY = "on conflict (agreement_id) do update set ";

        // first-wins identity per key: [key, organisation] or [key, series, organisation]
        private final Map<UUID, Object[]> seriesIdentity = new HashMap<>();
        private final Map<UUID, Object[]> meetingIdentity = new HashMap<>();
        private final Map<UUID, Object[]> agreementIdentity = new HashMap<>();

        private final SetWrite seriesStarted = new SetWrite("series_timeline", List.of(
                column("series_id", SetWrite.Type.UUID), column("organisation_id", TEXT),
                column("leader_id", SetWrite.Type.UUID), column("companion_id", SetWrite.Type.UUID),
                column("relationship", TEXT), column("cadence", TEXT), column("time_zone", TEXT),
                column("starts_on", DATE), column("started_at", TIMESTAMPTZ)),
                SERIES_KEY + "leader_id = excluded.leader_id, companion_id = excluded.companion_id, "
                        + "relationship = excluded.relationship, cadence = excluded.cadence, "
                        + "time_zone = excluded.time_zone, starts_on = excluded.starts_on, started_at = excluded.started_at");
        private final SetWrite seriesEnded = new SetWrite("series_timeline", List.of(
                column("series_id", SetWrite.Type.UUID), column("organisation_id", TEXT),
                column("ended_at", TIMESTAMPTZ), column("ended_on", DATE)),
                SERIES_KEY + "ended_at = excluded.ended_at, ended_on = excluded.ended_on");
        private final SetWrite seriesChange = new SetWrite("series_change", List.of(
                column("event_id", SetWrite.Type.UUID), column("series_id", SetWrite.Type.UUID),
                column("organisation_id", TEXT), column("version", INT8), column("occurred_at", TIMESTAMPTZ),
                column("kind", TEXT), column("cadence", TEXT), column("from_day", DATE), column("until_day", DATE)),
                "on conflict (event_id) do nothing");
        private final SetWrite meetingScheduled = meetingGroup(List.of(column("scheduled_for", TIMESTAMPTZ),
                column("planned_minutes", INT4), column("scheduled_at", TIMESTAMPTZ)));
        private final SetWrite meetingHeld = meetingGroup(List.of(column("held_at", TIMESTAMPTZ),
                column("actual_minutes", INT4)));
        private final SetWrite meetingCancelled = meetingGroup(List.of(column("cancelled_at", TIMESTAMPTZ)));
        private final SetWrite meetingMissed = meetingGroup(List.of(column("missed_at", TIMESTAMPTZ)));
        private final SetWrite meetingMove = new SetWrite("meeting_move", List.of(
                column("event_id", SetWrite.Type.UUID), column("meeting_id", SetWrite.Type.UUID),
                column("series_id", SetWrite.Type.UUID), column("organisation_id", TEXT),
                column("moved_to", TIMESTAMPTZ), column("occurred_at", TIMESTAMPTZ)),
                "on conflict (event_id) do nothing");
        private final SetWrite companionTopic = new SetWrite("companion_topic", List.of(
                column("meeting_id", SetWrite.Type.UUID), column("topic_id", SetWrite.Type.UUID),
                column("organisation_id", TEXT), column("arrived_at", TIMESTAMPTZ)),
                "on conflict (meeting_id, topic_id) do update set arrived_at = least(%1$s.arrived_at, excluded.arrived_at)");
        private final SetWrite agreementMade = agreementGroup(List.of(column("owner_role", TEXT),
                column("made_at", TIMESTAMPTZ), column("due_on", DATE)));
        private final SetWrite agreementCompleted = agreementGroup(List.of(column("completed_at", TIMESTAMPTZ)));
        private final SetWrite agreementDropped = agreementGroup(List.of(column("dropped_at", TIMESTAMPTZ)));
        private final SetWrite agreementDueChange = new SetWrite("agreement_due_change", List.of(
                column("event_id", SetWrite.Type.UUID), column("agreement_id", SetWrite.Type.UUID),
                column("series_id", SetWrite.Type.UUID), column("organisation_id", TEXT), column("due_on", DATE),
                column("occurred_at", TIMESTAMPTZ)),
                "on conflict (event_id) do nothing");

        private static SetWrite meetingGroup(List<SetWrite.Column> group) {
            return group("meeting_timeline", "meeting_id", MEETING_KEY, group);
        }

        private static SetWrite agreementGroup(List<SetWrite.Column> group) {
            return group("agreement_timeline", "agreement_id", AGREEMENT_KEY, group);
        }

        private static SetWrite group(String table, String key, String onConflict, List<SetWrite.Column> group) {
            List<SetWrite.Column> columns = new java.util.ArrayList<>(List.of(column(key, SetWrite.Type.UUID),
                    column("series_id", SetWrite.Type.UUID), column("organisation_id", TEXT)));
            columns.addAll(group);
            return new SetWrite(table, columns, onConflict + String.join(", ", group.stream()
                    .map(c -> c.name() + " = excluded." + c.name()).toList()));
        }

        List<SetWrite> writes() {
            return List.of(seriesStarted, seriesEnded, seriesChange, meetingScheduled, meetingHeld, meetingCancelled,
                    meetingMissed, meetingMove, companionTopic, agreementMade, agreementCompleted, agreementDropped,
                    agreementDueChange);
        }

        private Object[] series(UUID series, String org) {
            return seriesIdentity.computeIfAbsent(series, key -> new Object[] { key, org });
        }

        private Object[] meeting(UUID meeting, UUID series, String org) {
            return meetingIdentity.computeIfAbsent(meeting, key -> new Object[] { key, series, org });
        }

        private Object[] agreement(UUID agreement, UUID series, String org) {
            return agreementIdentity.computeIfAbsent(agreement, key -> new Object[] { key, series, org });
        }

        void add(EventEnvelope envelope, Object event) {
            String org = envelope.organisationId();
            OffsetDateTime at = time(envelope.occurredAt());
            if (event instanceof SeriesStarted started) {
                seriesStarted.last(started.seriesId(), concat(series(started.seriesId(), org), started.leaderId(),
                        started.companionId(), started.relationship().name(), started.cadence().name(),
                        started.timeZone(), started.startsOn(), at));
            } else if (event instanceof SeriesEnded ended) {
                seriesEnded.last(ended.seriesId(), concat(series(ended.seriesId(), org), at, ended.endedOn()));
            } else if (event instanceof CadenceChanged changed) {
                change(envelope, changed.seriesId(), SeriesChange.Kind.CADENCE, changed.to().name(), null, null);
            } else if (event instanceof SeriesPaused paused) {
                change(envelope, paused.seriesId(), SeriesChange.Kind.PAUSE, null, paused.from(), paused.until());
            } else if (event instanceof SeriesResumed resumed) {
                change(envelope, resumed.seriesId(), SeriesChange.Kind.RESUME, null, resumed.resumedOn(), null);
            } else if (event instanceof MeetingScheduled scheduled) {
                meetingScheduled.last(scheduled.meetingId(), concat(meeting(scheduled.meetingId(),
                        scheduled.seriesId(), org), time(scheduled.scheduledFor()), scheduled.plannedMinutes(), at));
            } else if (event instanceof MeetingRescheduled moved) {
                meetingMove.first(envelope.id(), envelope.id(), moved.meetingId(), moved.seriesId(), org,
                        time(moved.to()), at);
            } else if (event instanceof MeetingHeld held) {
                meetingHeld.last(held.meetingId(), concat(meeting(held.meetingId(), held.seriesId(), org),
                        time(held.heldAt()), held.actualMinutes()));
            } else if (event instanceof MeetingCancelled cancelled) {
                meetingCancelled.last(cancelled.meetingId(), concat(meeting(cancelled.meetingId(),
                        cancelled.seriesId(), org), at));
            } else if (event instanceof MeetingMissed missed) {
                meetingMissed.last(missed.meetingId(), concat(meeting(missed.meetingId(), missed.seriesId(), org), at));
            } else if (event instanceof TopicAdded added && added.authorRole() == AuthorRole.COMPANION) {
                topic(added.meetingId(), added.topicId(), org, at);
            } else if (event instanceof TopicCarriedOver carried && carried.authorRole() == AuthorRole.COMPANION) {
                topic(carried.meetingId(), carried.topicId(), org, at);
            } else if (event instanceof AgreementMade made) {
                agreementMade.last(made.agreementId(), concat(agreement(made.agreementId(), made.seriesId(), org),
                        made.ownerRole().name(), at, made.dueOn()));
            } else if (event instanceof AgreementCompleted completed) {
                agreementCompleted.last(completed.agreementId(), concat(agreement(completed.agreementId(),
                        completed.seriesId(), org), at));
            } else if (event instanceof AgreementDropped dropped) {
                agreementDropped.last(dropped.agreementId(), concat(agreement(dropped.agreementId(),
                        dropped.seriesId(), org), at));
            } else if (event instanceof AgreementDueDateChanged changed) {
                agreementDueChange.first(envelope.id(), envelope.id(), changed.agreementId(), changed.seriesId(), org,
                        changed.dueOn(), at);
            }
        }

        private void change(EventEnvelope envelope, UUID seriesId, SeriesChange.Kind kind, String cadence,
                java.time.LocalDate from, java.time.LocalDate until) {
            seriesChange.first(envelope.id(), envelope.id(), seriesId, envelope.organisationId(),
                    envelope.aggregateVersion(), time(envelope.occurredAt()), kind.name(), cadence, from, until);
        }

        /** The first arrival's organisation, the earliest arrival (nulls never occur: occurredAt is required). */
        private void topic(UUID meeting, UUID topic, String org, OffsetDateTime at) {
            companionTopic.merge(List.of(meeting, topic), new Object[] { meeting, topic, org, at },
                    (earlier, later) -> ((OffsetDateTime) later[3]).isBefore((OffsetDateTime) earlier[3])
                            ? new Object[] { earlier[0], earlier[1], earlier[2], later[3] } : earlier);
        }
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
