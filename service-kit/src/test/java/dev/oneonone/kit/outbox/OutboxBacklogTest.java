package dev.oneonone.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.oneonone.local.LocalPostgres;

/** The outbox's figures against a real PostgreSQL, taken away under them: they say how old they are. */
class OutboxBacklogTest {
    private static LocalPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(null, 0);
        postgres.createDatabaseIfMissing("backlog");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table event (recorded_at timestamptz not null, published_at timestamptz)");
            statement.execute("insert into event (recorded_at) values (now() - interval '10 seconds')");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void a_snapshot_taken_before_the_database_went_away_is_stale_and_says_since_when() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        OutboxBacklog backlog = new OutboxBacklog(dataSource(), clock);
        backlog.measure();
        assertEquals(1, backlog.unpublished());
        Instant measuredAt = backlog.measuredAt();
        assertFalse(backlog.isStale(Duration.ofSeconds(15)));
        assertNull(backlog.lastError());

        postgres.stop();
        try {
            assertThrows(SQLException.class, backlog::measure);
            now.set(now.get().plusSeconds(40));
            assertTrue(backlog.isStale(Duration.ofSeconds(15)), "the latest attempt failed");
            assertTrue(backlog.lastError().contains("SQLException") || backlog.lastError().contains("PSQLException"),
                    backlog.lastError());
            assertEquals(measuredAt, backlog.measuredAt(), "the last successful measurement stands, and says when");
            assertEquals(40.0, backlog.measuredAgeSeconds());
        } finally {
            postgres.restart();
        }
        backlog.measure();
        assertFalse(backlog.isStale(Duration.ofSeconds(15)));
        assertEquals(0.0, backlog.measuredAgeSeconds());

        // no failure seen, but no measurement for longer than the bound either (an attempt hangs): stale as well
        now.set(now.get().plusSeconds(16));
        assertTrue(backlog.isStale(Duration.ofSeconds(15)));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("backlog"), postgres.username(), postgres.password());
    }

    private static DataSource dataSource() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("backlog"));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setConnectTimeout(2);
        return dataSource;
    }
}
