package dev.oneonone.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @Test
    void keepsDataInItsDataDirectoryAcrossRestarts(@TempDir Path dataDirectory) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(dataDirectory, 0)) {
            postgres.createDatabaseIfMissing("notes");
            postgres.createDatabaseIfMissing("notes");
            try (Connection connection = connect(postgres, "notes"); Statement statement = connection.createStatement()) {
                assertTrue(queryString(statement, "SHOW server_version").startsWith("17."), "PostgreSQL 17 runs");
                statement.execute("CREATE TABLE note (text VARCHAR(100))");
                statement.execute("INSERT INTO note VALUES ('kept')");
            }
        }

        try (LocalPostgres postgres = LocalPostgres.start(dataDirectory, 0)) {
            postgres.createDatabaseIfMissing("notes");
            try (Connection connection = connect(postgres, "notes"); Statement statement = connection.createStatement()) {
                assertEquals("kept", queryString(statement, "SELECT text FROM note"));
            }
        }
    }

    @Test
    void aKeptClusterIsDurableATemporaryOneIsFast(@TempDir Path dataDirectory) throws Exception {
        try (LocalPostgres kept = LocalPostgres.start(dataDirectory, 0);
             Connection connection = connect(kept, "postgres"); Statement statement = connection.createStatement()) {
            assertEquals("on", queryString(statement, "SHOW fsync"));
            assertEquals("on", queryString(statement, "SHOW synchronous_commit"));
        }
        try (LocalPostgres temporary = LocalPostgres.start(null, 0);
             Connection connection = connect(temporary, "postgres"); Statement statement = connection.createStatement()) {
            assertEquals("off", queryString(statement, "SHOW fsync"));
            assertEquals("off", queryString(statement, "SHOW synchronous_commit"));
        }
    }

    @Test
    void stopsAndStartsTheSameClusterOnTheSamePort() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(null, 0)) {
            int port = postgres.port();
            postgres.createDatabaseIfMissing("notes");
            try (Connection connection = connect(postgres, "notes"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (text VARCHAR(100))");
                statement.execute("INSERT INTO note VALUES ('kept')");
            }
            postgres.stop();
            assertThrows(SQLException.class, () -> connect(postgres, "notes"));
            postgres.restart();
            assertEquals(port, postgres.port());
            try (Connection connection = connect(postgres, "notes"); Statement statement = connection.createStatement()) {
                assertEquals("kept", queryString(statement, "SELECT text FROM note"));
            }
        }
    }

    private static Connection connect(LocalPostgres postgres, String database) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    private static String queryString(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next());
            return result.getString(1);
        }
    }
}
