package dev.oneonone.agenda.application.retention;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The SQL that deletes 1:1 content in agenda-service's tables, for a whole series (retention) or for one person
 * (erasure). Text columns become null with {@code content_deleted_at} set (what the API answers as
 * {@code contentDeleted}); private notes, which only their author ever saw, go whole. Run inside a transaction.
 */
final class SeriesContent {
    private static final String MEETINGS = "select meeting_id from known_meeting where series_id = :series";
    private static final String NOTES = "select note_id from note where meeting_id in (" + MEETINGS + ")";

    private SeriesContent() {
    }

    /** Deletes the content of every meeting of the series, and the Idempotency-Key answers that repeat it. */
    static Uni<Void> delete(Mutiny.Session session, String organisationId, UUID series, Instant now) {
        // the stored answers of creates hold the text they created: those naming an id of this series' content go
        return run(session, """
                delete from idempotency_key k where k.organisation_id = :org and (
                  exists (select 1 from topic t where t.meeting_id in (%1$s) and strpos(k.body, t.topic_id::text) > 0)
                  or exists (select 1 from note n where n.meeting_id in (%1$s) and strpos(k.body, n.note_id::text) > 0)
                  or exists (select 1 from agreement a where a.series_id = :series and strpos(k.body, a.agreement_id::text) > 0))
                """.formatted(MEETINGS), organisationId, series, null)
                .chain(() -> run(session, "update topic set title = null, details = null, content_deleted_at = :now "
                        + "where meeting_id in (" + MEETINGS + ") and content_deleted_at is null", null, series, now))
                .chain(() -> run(session, "delete from note_revision where note_id in (" + NOTES
                        + " and visibility = 'PRIVATE')", null, series, null))
                .chain(() -> run(session, "delete from note where meeting_id in (" + MEETINGS
                        + ") and visibility = 'PRIVATE'", null, series, null))
                .chain(() -> run(session, "update note_revision set text = null where note_id in (" + NOTES + ")",
                        null, series, null))
                .chain(() -> run(session, "update note set text = null, content_deleted_at = :now where meeting_id in ("
                        + MEETINGS + ") and content_deleted_at is null", null, series, now))
                .chain(() -> run(session, "update agreement set wording = null, content_deleted_at = :now "
                        + "where series_id = :series and content_deleted_at is null", null, series, now));
    }

    private static Uni<Void> run(Mutiny.Session session, String sql, String organisationId, UUID series, Instant now) {
        var query = session.createNativeQuery(sql);
        if (organisationId != null) {
            query.setParameter("org", organisationId);
        }
        if (series != null) {
            query.setParameter("series", series);
        }
        if (now != null) {
            query.setParameter("now", now);
        }
        return query.executeUpdate().replaceWithVoid();
    }
}
