package dev.oneonone.insights.projection;

import java.util.List;

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
