package dev.oneonone.kit.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Where a piece of text is still stored: every text, varchar and JSON column of every table of a service's schema,
 * the kit's tables included (event store, Idempotency-Key answers, access log). Tests of retention and erasure use
 * it to show that deleted content is gone from every table, not only from the ones the code meant to clean.
 */
public final class StoredText {
    private StoredText() {
    }

    /** How many stored values, in any text column of any table of the current schema, contain {@code text}. */
    public static long occurrences(DataSource dataSource, String text) throws SQLException {
        long found = 0;
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb', 'json')""")) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("No text column in the current schema: is this the service's database?");
            }
            for (String[] column : columns) {
                try (PreparedStatement query = connection.prepareStatement(
                        "select count(*) from \"%s\" where strpos(\"%s\"::text, ?) > 0".formatted(column[0], column[1]))) {
                    query.setString(1, text);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        found += rows.getLong(1);
                    }
                }
            }
        }
        return found;
    }
}
