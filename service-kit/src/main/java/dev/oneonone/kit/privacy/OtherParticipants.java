package dev.oneonone.kit.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The other participant of each series a person takes part in, from a service's own table of series (columns
 * {@code organisation_id}, {@code leader_id}, {@code companion_id}): whom an export of the person's data is also about
 * ({@link AccessLog#export}). Blocking: call on a worker thread.
 */
public final class OtherParticipants {
    private OtherParticipants() {
    }

    /**
     * Each other participant once, in id order.
     *
     * @param seriesTable the service's series table, a constant of its code (never input)
     */
    public static List<UUID> of(DataSource dataSource, String seriesTable, String organisation, UUID person) {
        String sql = "select distinct case when leader_id = ? then companion_id else leader_id end as other from " + seriesTable
                + " where organisation_id = ? and (leader_id = ? or companion_id = ?) order by other";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, person);
            query.setString(2, organisation);
            query.setObject(3, person);
            query.setObject(4, person);
            List<UUID> others = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    others.add(rows.getObject(1, UUID.class));
                }
            }
            return others;
        } catch (SQLException e) {
            throw new IllegalStateException("The participants of the series could not be read", e);
        }
    }
}
