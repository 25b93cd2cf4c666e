package dev.oneonone.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.oneonone.local.PostgresAddress;

/**
 * The same-run baseline: one event-shaped row (the service kit's own event-store table, created by its migration, a
 * MeetingScheduled-sized JSON payload) inserted per transaction by 8 clients into the table {@code event} of a database {@code benchmark} of
 * the suite's own PostgreSQL, with the server's durability settings (those the services use). pgbench when on
 * PATH, else the equivalent JDBC loop.
 */
final class Baseline {
    static final String DATABASE = "benchmark";
    /** The service kit's own event-store migration: the baseline's table is the services' {@code event} table. */
    private static final String EVENT_TABLE = "db/kit/event-store/V0_1__kit_event_store.sql";
    private static final String PAYLOAD = "{\"seriesId\":\"6f1c1a52-55e2-4a51-9d0b-3c1f0c7e9a10\","
            + "\"meetingId\":\"0b8f7d0e-3a0e-4bb4-8f8e-0d5a8e1f2c33\",\"scheduledFor\":\"2026-12-01T09:00:00Z\","
            + "\"plannedMinutes\":30,\"firstOfSeries\":false}";
    private static final String INSERT = "insert into event (event_id, organisation_id, stream_type, stream_id, "
            + "version, event_type, occurred_at, recorded_at, payload) values (%s, 'bench', 'Series', %s, 1, "
            + "'MeetingScheduled', now(), now(), %s)";

    /** Inserts per second, and how they were measured. */
    record Result(double perSecond, String how, String durability) {
    }

    static Result run(PostgresAddress postgres, int clients, int seconds, String mode) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!r.next()) {
                s.execute("create database " + DATABASE);
            }
        }
        String durability;
        try (Connection c = connect(postgres); Statement s = c.createStatement()) {
            s.execute("drop table if exists event");
            s.execute(eventTable());
            durability = "fsync " + show(s, "fsync") + ", synchronous_commit " + show(s, "synchronous_commit")
                    + ", wal_sync_method " + show(s, "wal_sync_method");
        }
        boolean pgbench = !mode.equals("jdbc") && onPath("pgbench");
        if (mode.equals("pgbench") && !pgbench) {
            throw new IllegalStateException("--baseline pgbench: no pgbench on PATH");
        }
        double rate = pgbench ? pgbench(postgres, clients, seconds) : jdbc(postgres, clients, seconds);
        return new Result(rate, pgbench ? "pgbench" : "JDBC loop", durability);
    }

    private static double pgbench(PostgresAddress postgres, int clients, int seconds) throws Exception {
        Path script = Files.createTempFile("bench-insert", ".sql");
        Files.writeString(script, INSERT.formatted("gen_random_uuid()", "gen_random_uuid()", "'" + PAYLOAD + "'")
                + ";\n");
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(clients), "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
                String.valueOf(seconds), "-f", script.toString(), "-h", postgres.host(), "-p",
                String.valueOf(postgres.port()), "-U", postgres.username(), DATABASE).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", postgres.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.deleteIfExists(script);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (exit != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed (" + exit + "):\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static double jdbc(PostgresAddress postgres, int clients, int seconds) throws Exception {
        AtomicLong inserted = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try (Connection c = connect(postgres);
                        PreparedStatement insert = c.prepareStatement(INSERT.formatted("?", "?", "?::jsonb"))) {
                    c.setAutoCommit(true); // one row per transaction
                    while (System.nanoTime() < end) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, UUID.randomUUID());
                        insert.setString(3, PAYLOAD);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return inserted.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static Connection connect(PostgresAddress postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet r = s.executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private Baseline() {
    }

    /** The kit migration's DDL, read from the service kit's jar, so the baseline cannot drift from the event store. */
    private static String eventTable() throws java.io.IOException {
        try (var in = Baseline.class.getClassLoader().getResourceAsStream(EVENT_TABLE)) {
            if (in == null) {
                throw new IllegalStateException(EVENT_TABLE + " is not on the class path (service-kit's jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void dropTable(PostgresAddress postgres) {
        try (Connection c = connect(postgres); Statement s = c.createStatement()) {
            s.execute("drop table if exists event");
        } catch (SQLException e) {
            System.err.println("Could not drop the baseline's event table: " + e.getMessage());
        }
    }
}
