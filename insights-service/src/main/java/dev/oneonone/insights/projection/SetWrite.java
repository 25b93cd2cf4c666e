package dev.oneonone.insights.projection;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rows a batch writes to one table with one statement: {@code insert into <table><suffix> (columns)
 * select * from unnest($1::type[], ...) <onConflict>}, one array parameter per column. Rows are collapsed
 * by key in memory first (a statement may not touch a row twice), the way the per-event statements would
 * have left them: {@link #last} for "do update" (the latest event wins), {@link #first} for "do nothing",
 * {@link #merge} for anything else.
 */
final class SetWrite {
    /** A column's PostgreSQL array type and the Java element type the client encodes it from. */
    enum Type {
        UUID("uuid", java.util.UUID.class), TEXT("text", String.class), DATE("date", LocalDate.class),
        TIMESTAMPTZ("timestamptz", OffsetDateTime.class), INT4("int4", Integer.class), INT8("int8", Long.class),
        BOOL("bool", Boolean.class);

        final String sql;
        final Class<?> java;

        Type(String sql, Class<?> java) {
            this.sql = sql;
            this.java = java;
        }
    }

    /** A column of the table. */
    record Column(String name, Type type) {
    }

    static Column column(String name, Type type) {
        return new Column(name, type);
    }

    private final String table;
    private final List<Column> columns;
    private final String onConflict;
    private final Map<Object, Object[]> rows = new LinkedHashMap<>();

    /** {@code onConflict} may name the table as {@code %1$s} (with its suffix). */
    SetWrite(String table, List<Column> columns, String onConflict) {
        this.table = table;
        this.columns = columns;
        this.onConflict = onConflict;
    }

    /** The row of this key is these values (a later one replaces an earlier one). */
    void last(Object key, Object... values) {
        rows.put(key, values);
    }

    /** The row of this key is these values unless an earlier one came. */
    void first(Object key, Object... values) {
        rows.putIfAbsent(key, values);
    }

    /** Combines an earlier row of this key with these values. */
    void merge(Object key, Object[] values, BinaryOperator<Object[]> combine) {
        rows.merge(key, values, combine);
    }

    /** Writes the rows in one statement; nothing when there are none. */
    Uni<Void> execute(SqlClient sql, String suffix) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> names = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        Object[] arrays = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            names.add(column.name());
            parameters.add("$" + (c + 1) + "::" + column.type().sql + "[]");
            arrays[c] = Array.newInstance(column.type().java, rows.size());
        }
        int r = 0;
        for (Object[] row : rows.values()) {
            for (int c = 0; c < arrays.length; c++) {
                Array.set(arrays[c], r, row[c]);
            }
            r++;
        }
        String target = table + suffix;
        String statement = "insert into " + target + " (" + String.join(", ", names) + ") select * from unnest("
                + String.join(", ", parameters) + ") " + onConflict.formatted(target);
        return sql.preparedQuery(statement).execute(Tuple.from(arrays)).replaceWithVoid();
    }

    /** The keys written, for statements that follow up on them. */
    List<UUID> uuidKeys(java.util.function.Function<Object, UUID> of) {
        return rows.keySet().stream().map(of).distinct().toList();
    }

    /** Concatenates arrays of values: a table's first-wins identity and a group's values. */
    static Object[] concat(Object[] a, Object... b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
