package dev.oneonone.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server run from the zonky embedded binaries.
 *
 * <p>Authentication is "trust" (zonky's initdb setting), so any password works; {@link #password()} gives one anyway
 * for clients that insist on it.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    /** Exists in every cluster; used to create the others. */
    private static final String MAINTENANCE_DATABASE = "postgres";

    private static final int LOG_TAIL_LINES = 30;

    private final EmbeddedPostgres server;
    private final Path temporaryRootOrNull;

    private LocalPostgres(EmbeddedPostgres server, Path temporaryRootOrNull) {
        this.server = server;
        this.temporaryRootOrNull = temporaryRootOrNull;
    }

    /**
     * Starts PostgreSQL. Its output goes to a log file beside the cluster folder ({@code <dataDirectory>.log}, or
     * {@code postgres.log} in the temporary folder) rather than through the caller's logging.
     *
     * @param dataDirectoryOrNull the cluster folder, kept between runs; {@code null} for a fresh temporary cluster
     * @param portOrZero the port; 0 for a free one
     */
    public static LocalPostgres start(Path dataDirectoryOrNull, int portOrZero) throws IOException {
        Path temporaryRoot = dataDirectoryOrNull == null ? Files.createTempDirectory("local-postgres-") : null;
        Path dataDirectory;
        Path logFile;
        if (temporaryRoot != null) {
            dataDirectory = temporaryRoot.resolve("data");
            logFile = temporaryRoot.resolve("postgres.log");
        } else {
            dataDirectory = dataDirectoryOrNull.toAbsolutePath();
            // Not inside the cluster folder: initdb wants that folder empty.
            logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        }
        Files.createDirectories(dataDirectory);

        ProcessBuilder.Redirect toLogFile = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // A kept cluster is reused as it is: zonky runs initdb only while postgresql.conf is missing.
                .setCleanDataDirectory(temporaryRoot != null)
                .setOutputRedirector(toLogFile)
                .setErrorRedirector(toLogFile);
        if (portOrZero != 0) {
            builder.setPort(portOrZero);
        }
        try {
            return new LocalPostgres(builder.start(), temporaryRoot);
        } catch (IOException | RuntimeException e) {
            String logTail = tail(logFile);
            if (temporaryRoot != null) {
                Directories.deleteRecursively(temporaryRoot);
            }
            throw new IOException("PostgreSQL did not start (" + e.getMessage() + "); last lines of " + logFile
                    + ":\n" + logTail, e);
        }
    }

    public void createDatabaseIfMissing(String name) {
        try {
            PostgresDatabases.createIfMissing(jdbcUrl(MAINTENANCE_DATABASE), USERNAME, PASSWORD, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on port " + port(), e);
        }
    }

    /** Host, port and credentials in one value, as {@link SuiteServices} takes them. */
    public PostgresAddress address() {
        return new PostgresAddress("localhost", port(), USERNAME, PASSWORD);
    }

    /** For example {@code jdbc:postgresql://localhost:15432/meetings}. */
    public String jdbcUrl(String database) {
        return address().jdbcUrl(database);
    }

    /** The form Quarkus' reactive client accepts, for example {@code postgresql://localhost:15432/meetings}. */
    public String reactiveUrl(String database) {
        return address().reactiveUrl(database);
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return server.getPort();
    }

    /** Stops the server; a data directory given to {@link #start} is kept, a temporary one is deleted. */
    @Override
    public void close() throws IOException {
        server.close();
        if (temporaryRootOrNull != null) {
            Directories.deleteRecursively(temporaryRootOrNull);
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[localhost:" + port() + "]";
    }
}
