package dev.oneonone.agenda.application.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.oneonone.kit.privacy.JsonRows;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * agenda-service's part of a person's export (meetings-service's GET /me/export composes it): the topics, shared
 * notes and agreements of every meeting of the series they take part in, and their own private notes (their own
 * export; on their behalf, the structure without the 1:1 text), row by row
 * from cursors (kit {@link JsonRows}), so years of weekly 1:1s pass through without being held. Blocking: call on a
 * worker thread.
 */
@ApplicationScoped
public class AgendaExport {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String THEIR_MEETINGS = " join known_meeting m on m.meeting_id = %1$s.meeting_id"
            + " join known_series s on s.series_id = m.series_id"
            + " where s.organisation_id = ? and (s.leader_id = ? or s.companion_id = ?)";

    private final DataSource dataSource;

    /** A text column as it is, or null under the same name when the content is withheld. */
    private static String text(String column, boolean own) {
        return own ? column : "null as " + column.substring(column.indexOf('.') + 1);
    }

    public AgendaExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes {@code {"topics": [...], "sharedNotes": [...], "privateNotes": [...], "agreements": [...]}} about
     * {@code person}. {@code own} is the person's own export: with the 1:1 content (topics' title and details, notes'
     * text, agreements' wording) and their private notes. Without it (the organisation's integration exporting on their
     * behalf) every such text is null and each row says {@code "contentWithheld": true}: 1:1 content stays with its two
     * participants (docs/privacy.md, "Export"), and a private note is read by its author only.
     */
    public void write(String organisation, UUID person, boolean own, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8); Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String withheld = (own ? "false" : "true") + " as content_withheld";
            try {
                json.writeStartObject();
                JsonRows.writeArray(json, connection, "topics", "select t.topic_id, t.meeting_id, m.series_id, t.author_id, "
                        + "t.author_role, t.kind, " + text("t.title", own) + ", " + text("t.details", own) + ", t.ask_to_prepare, "
                        + "t.position, t.discussed, t.added_at, t.content_deleted_at, " + withheld + " from topic t"
                        + THEIR_MEETINGS.formatted("t") + " order by m.series_id, m.scheduled_for, t.meeting_id, t.position",
                        organisation, person, person);
                JsonRows.writeArray(json, connection, "sharedNotes", "select n.note_id, n.meeting_id, m.series_id, n.author_id, "
                        + "n.author_role, " + text("n.text", own) + ", n.revision, n.created_at, n.updated_at, n.content_deleted_at, "
                        + withheld + " from note n" + THEIR_MEETINGS.formatted("n")
                        + " and n.visibility = 'SHARED' order by n.seq", organisation, person, person);
                if (own) {
                    JsonRows.writeArray(json, connection, "privateNotes", "select n.note_id, n.meeting_id, m.series_id, n.text, "
                            + "n.revision, n.created_at, n.updated_at from note n" + THEIR_MEETINGS.formatted("n")
                            + " and n.visibility = 'PRIVATE' and n.author_id = ? order by n.seq", organisation, person, person, person);
                }
                JsonRows.writeArray(json, connection, "agreements", "select a.agreement_id, a.series_id, a.meeting_id, a.owner_id, "
                        + "a.owner_role, a.made_by_id, " + text("a.wording", own) + ", a.due_on, a.status, a.drop_reason, a.made_at, "
                        + "a.closed_at, a.content_deleted_at, " + withheld + " from agreement a join known_series s on s.series_id = a.series_id "
                        + "where s.organisation_id = ? and (s.leader_id = ? or s.companion_id = ?) order by a.series_id, a.made_at, a.agreement_id",
                        organisation, person, person);
                json.writeEndObject();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The agenda could not be exported", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
