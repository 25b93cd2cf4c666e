package dev.oneonone.meetings.application.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.oneonone.kit.privacy.JsonRows;
import dev.oneonone.kit.privacy.OtherParticipants;
import dev.oneonone.kit.privacy.ServiceParts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Everything the suite holds about a person that they may see, as one JSON document written as it is read
 * (issue 18, GDPR art. 15 and 20; docs/privacy.md): this service's parts (directory entry, reporting lines, series,
 * meetings, pauses) row by row from cursors, then agenda-service's and insights-service's parts, each read from that
 * service's {@code GET /exports/{personId}} with the caller's token and copied token by token. Nothing is held: memory
 * stays that of a page of rows and a buffer, however long the history.
 */
@ApplicationScoped
public class PersonExport {
    /** The document's format version, raised when its shape changes. */
    public static final int FORMAT = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private final DataSource dataSource;
    private final ServiceParts parts;
    private final Clock clock;

    public PersonExport(DataSource dataSource, ServiceParts parts, Clock clock) {
        this.dataSource = dataSource;
        this.parts = parts;
        this.clock = clock;
    }

    /** True when the directory has the person in the organisation (the on-behalf export refuses anyone else: 404). */
    public boolean inDirectory(String organisation, UUID person) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select 1 from person_overview where organisation_id = ? and person_id = ?")) {
            query.setString(1, organisation);
            query.setObject(2, person);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The directory could not be read", e);
        }
    }

    /** The other participant of each series of the person: whom an export on their behalf is also about. */
    public List<UUID> otherParticipants(String organisation, UUID person) {
        return OtherParticipants.of(dataSource, "series_overview", organisation, person);
    }

    /**
     * Writes the document to {@code out}. {@code authorization} (the caller's {@code Authorization} header) is passed
     * to the other services, which apply their own rules (private notes only to their author). A part that cannot be
     * read after the answer began breaks the stream off, so the client gets invalid JSON rather than a silently
     * incomplete document.
     */
    public void write(String organisation, UUID person, String authorization, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("exportedAt", clock.instant().toString());
            json.writeStringField("organisationId", organisation);
            json.writeStringField("personId", person.toString());
            writeOwnParts(json, organisation, person);
            for (ServiceParts.Service service : ServiceParts.Service.values()) {
                if (parts.baseUrl(service).isEmpty()) {
                    continue;
                }
                json.writeObjectFieldStart(service == ServiceParts.Service.AGENDA ? "agenda" : "insights");
                json.flush();
                ServiceParts.copyFields(parts.open(service, "/exports/" + person, authorization), json);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeOwnParts(JsonGenerator json, String organisation, UUID person) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor needs a transaction; read-only, one snapshot for all parts
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                JsonRows.writeObject(json, connection, "directoryEntry", "select person_id, name, email, team, department, "
                        + "manager_id, employed_since, last_day from person_overview where organisation_id = ? and person_id = ?",
                        organisation, person);
                JsonRows.writeArray(json, connection, "reportingLines", "select manager_id, from_time, to_time from reporting_line "
                        + "where organisation_id = ? and person_id = ? order by from_time", organisation, person);
                String theirSeries = " from series_overview s where s.organisation_id = ? and (s.leader_id = ? or s.companion_id = ?)";
                JsonRows.writeArray(json, connection, "series", "select s.series_id, s.leader_id, s.companion_id, s.relationship, "
                        + "s.cadence, s.planned_minutes, s.time_zone, s.starts_on, s.preferred_weekday, s.preferred_time, s.status, s.end_reason, s.ended_on"
                        + theirSeries + " order by s.series_id", organisation, person, person);
                JsonRows.writeArray(json, connection, "pauses", "select p.series_id, p.from_day, p.until_day from series_pause p "
                        + "where p.series_id in (select s.series_id" + theirSeries + ") order by p.series_id, p.from_day",
                        organisation, person, person);
                JsonRows.writeArray(json, connection, "meetings", "select m.meeting_id, m.series_id, m.scheduled_for, "
                        + "m.planned_minutes, m.first_of_series, m.status, m.reschedule_count, m.held_at, m.actual_minutes, m.mode, m.cancel_reason "
                        + "from meeting_overview m "
                        + "where m.series_id in (select s.series_id" + theirSeries + ") order by m.series_id, m.scheduled_for, m.meeting_id",
                        organisation, person, person);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The export could not be read", e);
        }
    }
}
