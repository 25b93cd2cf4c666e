package dev.oneonone.kit.privacy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.UUID;

import org.postgresql.util.PGobject;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the rows of a query as a JSON array of objects, one row at a time: the query runs with a cursor (fetch size
 * {@value #FETCH_SIZE}, inside the caller's transaction, which must not be in auto-commit), so a person's whole
 * history passes through without being held. A column {@code scheduled_for} becomes the field {@code scheduledFor};
 * instants are ISO-8601 UTC, days {@code YYYY-MM-DD}, ids strings, {@code json}/{@code jsonb} columns JSON.
 */
public final class JsonRows {
    static final int FETCH_SIZE = 200;

    private JsonRows() {
    }

    /** Writes {@code "field": [ {...}, ... ]} and answers how many rows it wrote. */
    public static long writeArray(JsonGenerator json, Connection connection, String field, String sql, Object... parameters)
            throws SQLException, IOException {
        json.writeArrayFieldStart(field);
        long rows = 0;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                String[] names = new String[columns.getColumnCount()];
                for (int column = 1; column <= names.length; column++) {
                    names[column - 1] = camelCase(columns.getColumnLabel(column));
                }
                while (result.next()) {
                    json.writeStartObject();
                    for (int column = 1; column <= names.length; column++) {
                        json.writeFieldName(names[column - 1]);
                        writeValue(json, result.getObject(column));
                    }
                    json.writeEndObject();
                    rows++;
                }
            }
        }
        json.writeEndArray();
        return rows;
    }

    /** Writes {@code "field": {...}} for the first row of the query, or {@code "field": null} when there is none. */
    public static void writeObject(JsonGenerator json, Connection connection, String field, String sql, Object... parameters)
            throws SQLException, IOException {
        json.writeFieldName(field);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    json.writeNull();
                    return;
                }
                ResultSetMetaData columns = result.getMetaData();
                json.writeStartObject();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    json.writeFieldName(camelCase(columns.getColumnLabel(column)));
                    writeValue(json, result.getObject(column));
                }
                json.writeEndObject();
            }
        }
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Timestamp instant) {
            json.writeString(instant.toInstant().toString());
        } else if (value instanceof Date day) {
            json.writeString(day.toLocalDate().toString());
        } else if (value instanceof Time time) {
            json.writeString(time.toLocalTime().toString());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Short number) {
            json.writeNumber(number);
        } else if (value instanceof java.math.BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof PGobject object && object.getType() != null && object.getType().startsWith("json")) {
            json.writeRawValue(object.getValue());
        } else if (value instanceof UUID || value instanceof String) {
            json.writeString(value.toString());
        } else {
            json.writeString(value.toString());
        }
    }
}
