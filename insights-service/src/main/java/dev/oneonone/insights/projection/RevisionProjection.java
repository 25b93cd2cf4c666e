package dev.oneonone.insights.projection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AgreementEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.meetings.PersonEvent;
import dev.oneonone.events.meetings.SeriesEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Marks what an event changed with the current {@code history_position} (moved by this event's own
 * transaction, so revisions follow commit order): the series whose timeline it touched
 * ({@code series_revision}; a companion's topic through its meeting's series, once that meeting is known) or
 * the organisation's directory ({@code directory_revision}). {@link dev.oneonone.insights.application.SeriesFiguresStore}
 * recomputes only the series marked after the position it last saw.
 */
@ApplicationScoped
public class RevisionProjection implements Projection {
    /** The tables this projection owns, rebuilt by a replay. */
    public static final List<String> TABLES = List.of("series_revision", "directory_revision");

    @Override
    public List<String> tables() {
        return TABLES;
    }

    /** Series and agreement events, topics (a companion's only, told from the payload), every person event. */
    @Override
    public boolean follows(Class<?> payloadClass) {
        return SeriesEvent.class.isAssignableFrom(payloadClass) || AgreementEvent.class.isAssignableFrom(payloadClass)
                || payloadClass == TopicAdded.class || payloadClass == TopicCarriedOver.class
                || PersonEvent.class.isAssignableFrom(payloadClass);
    }

    @Override
    public Uni<Void> apply(SqlClient sql, String suffix, EventEnvelope envelope, Object event) {
        String org = envelope.organisationId();
        if (event instanceof SeriesEvent series) {
            return series(sql, suffix, org, series.seriesId());
        }
        if (event instanceof AgreementEvent agreement) {
            return series(sql, suffix, org, agreement.seriesId());
        }
        if (event instanceof TopicAdded added && added.authorRole() == AuthorRole.COMPANION) {
            return seriesOfMeeting(sql, suffix, org, added.meetingId());
        }
        if (event instanceof TopicCarriedOver carried && carried.authorRole() == AuthorRole.COMPANION) {
            return seriesOfMeeting(sql, suffix, org, carried.meetingId());
        }
        if (event instanceof PersonEvent) {
            return sql.preparedQuery("""
                    insert into directory_revision%s (organisation_id, revision) select $1, position from history_position
                    on conflict (organisation_id) do update set revision = excluded.revision""".formatted(suffix))
                    .execute(Tuple.of(org)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The batch's marks in at most two statements, the rows {@link #apply} of each event in turn would leave: the
     * events that mark a series, in order (each series or meeting once, its first event), go in one array; a
     * topic's series is looked up through its meeting as the meeting stood before the batch (as the per-event
     * path does, the timelines being written after this projection), and a series keeps the organisation of the
     * first event that marked it. Every mark gets the same position, as within one replay transaction.
     */
    @Override
    public Uni<Void> applyAll(SqlClient sql, String suffix, List<ProjectedEvent> events) {
        List<UUID> ids = new ArrayList<>();
        List<Boolean> viaMeeting = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        Set<UUID> seenSeries = new HashSet<>();
        Set<UUID> seenMeetings = new HashSet<>();
        Set<String> directories = new LinkedHashSet<>();
        for (ProjectedEvent one : events) {
            Object event = one.event();
            String org = one.envelope().organisationId();
            UUID series = event instanceof SeriesEvent s ? s.seriesId()
                    : event instanceof AgreementEvent a ? a.seriesId() : null;
            UUID meeting = event instanceof TopicAdded added && added.authorRole() == AuthorRole.COMPANION
                    ? added.meetingId()
                    : event instanceof TopicCarriedOver carried && carried.authorRole() == AuthorRole.COMPANION
                            ? carried.meetingId() : null;
            if (series != null && seenSeries.add(series)) {
                ids.add(series);
                viaMeeting.add(false);
                orgs.add(org);
            } else if (meeting != null && seenMeetings.add(meeting)) {
                ids.add(meeting);
                viaMeeting.add(true);
                orgs.add(org);
            } else if (event instanceof PersonEvent) {
                directories.add(org);
            }
        }
        Uni<Void> marks = Uni.createFrom().voidItem();
        if (!ids.isEmpty()) {
            marks = sql.preparedQuery("""
                    insert into series_revision%1$s (series_id, organisation_id, revision)
                    select distinct on (x.series_id) x.series_id, x.org, h.position
                    from (select case when e.via_meeting then m.series_id else e.id end as series_id, e.org, e.ord
                          from unnest($1::uuid[], $2::bool[], $3::text[]) with ordinality as e(id, via_meeting, org, ord)
                          left join meeting_timeline%1$s m on e.via_meeting and m.meeting_id = e.id) x,
                         history_position h
                    where x.series_id is not null
                    order by x.series_id, x.ord
                    on conflict (series_id) do update set revision = excluded.revision""".formatted(suffix))
                    .execute(Tuple.of(ids.toArray(UUID[]::new), viaMeeting.toArray(Boolean[]::new),
                            orgs.toArray(String[]::new)))
                    .replaceWithVoid();
        }
        if (!directories.isEmpty()) {
            marks = marks.chain(() -> sql.preparedQuery("""
                    insert into directory_revision%s (organisation_id, revision)
                    select o, h.position from unnest($1::text[]) as o, history_position h
                    on conflict (organisation_id) do update set revision = excluded.revision""".formatted(suffix))
                    .execute(Tuple.of(directories.toArray(String[]::new))).replaceWithVoid());
        }
        return marks;
    }

    private static Uni<Void> series(SqlClient sql, String suffix, String org, java.util.UUID seriesId) {
        return sql.preparedQuery("""
                insert into series_revision%s (series_id, organisation_id, revision)
                select $1, $2, position from history_position
                on conflict (series_id) do update set revision = excluded.revision""".formatted(suffix))
                .execute(Tuple.of(seriesId, org)).replaceWithVoid();
    }

    /** A topic counts through its meeting: before the meeting is known it changes no figure (its arrival will). */
    private static Uni<Void> seriesOfMeeting(SqlClient sql, String suffix, String org, java.util.UUID meetingId) {
        return sql.preparedQuery("""
                insert into series_revision%s (series_id, organisation_id, revision)
                select m.series_id, $2, h.position from meeting_timeline%1$s m, history_position h where m.meeting_id = $1
                on conflict (series_id) do update set revision = excluded.revision""".formatted(suffix))
                .execute(Tuple.of(meetingId, org)).replaceWithVoid();
    }
}
