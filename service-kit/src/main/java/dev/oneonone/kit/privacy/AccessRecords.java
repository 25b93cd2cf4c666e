package dev.oneonone.kit.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a person's access records from table {@code access_record}, newest first (JDBC: call on a worker thread). */
@ApplicationScoped
public class AccessRecords {
    private final DataSource dataSource;

    public AccessRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Up to {@code max} records about {@code subject} in {@code organisation}, newest first (by {@code accessedAt},
     * then record id), strictly after {@code after} in that order (null: from the newest).
     */
    public List<AccessRecord> about(String organisation, UUID subject, Paging.InstantCursor after, int max) {
        String sql = "select record_id, organisation_id, subject_id, reader_id, reader_role, resource_kind, resource_id, accessed_at "
                + "from access_record where organisation_id = ? and subject_id = ?"
                + (after == null ? "" : " and (accessed_at, record_id) < (?, ?)")
                + " order by accessed_at desc, record_id desc limit ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int parameter = 1;
            query.setString(parameter++, organisation);
            query.setObject(parameter++, subject);
            if (after != null) {
                query.setTimestamp(parameter++, Timestamp.from(after.at()));
                query.setObject(parameter++, after.id());
            }
            query.setInt(parameter, max);
            List<AccessRecord> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(new AccessRecord(rows.getObject(1, UUID.class), rows.getString(2), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5), AccessKind.valueOf(rows.getString(6)),
                            rows.getObject(7, UUID.class), rows.getTimestamp(8).toInstant()));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("The access log could not be read", e);
        }
    }

    /**
     * One page of the records about the caller, newest first ({@code GET /access-records} of a service): {@code after}
     * is the previous page's {@code next} (null or blank: the first page); a malformed one is refused by
     * {@link Paging.InstantCursor#parse} (400).
     *
     * @throws ForbiddenException when the caller is not a person (403): only a person has an access log
     */
    public AccessLogPage page(Caller caller, String after, int limit) {
        if (caller.personId() == null) {
            throw new ForbiddenException("Only a person has an access log");
        }
        Paging.InstantCursor cursor = after == null || after.isBlank() ? null : Paging.InstantCursor.parse(after);
        return AccessLogPage.of(about(caller.organisationId(), caller.personId(), cursor, limit + 1).stream()
                .map(AccessRecordView::of).toList(), limit);
    }
}
