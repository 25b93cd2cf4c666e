package dev.oneonone.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server run from the zonky embedded binaries.
 *
 * <p>Authentication is "trust" (zonky's initdb setting), so any password works; {@link #password()} gives one anyway
 * for clients that insist on it.
 *
 * <p>A cluster kept between runs (a data directory given to {@link #start}) is durable: {@code fsync} and
 * {@code synchronous_commit} are on, so a power cut loses no accepted command. A temporary cluster (tests) keeps
 * zonky's settings, both off, for speed.
 *
 * <p>{@link #stop()} and {@link #restart()} stop and start the same cluster on the same port, so tests can take
 * the database away from a running service and give it back; {@link #freeze()} and {@link #thaw()} stop and resume
 * its processes with SIGSTOP and SIGCONT, as a dead network or a frozen machine would: connections stay open and
 * nothing answers.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    /** Exists in every cluster; used to create the others. */
    private static final String MAINTENANCE_DATABASE = "postgres";

    private static final int LOG_TAIL_LINES = 30;

    private final Path temporaryRootOrNull;
    private final Path dataDirectory;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server, Path temporaryRootOrNull, Path dataDirectory, Path logFile) {
        this.server = server;
        this.temporaryRootOrNull = temporaryRootOrNull;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.port = server.getPort();
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
        try {
            return new LocalPostgres(launch(dataDirectory, logFile, portOrZero, temporaryRoot == null), temporaryRoot,
                    dataDirectory, logFile);
        } catch (IOException | RuntimeException e) {
            String logTail = tail(logFile);
            if (temporaryRoot != null) {
                Directories.deleteRecursively(temporaryRoot);
            }
            throw new IOException("PostgreSQL did not start (" + e.getMessage() + "); last lines of " + logFile
                    + ":\n" + logTail, e);
        }
    }

    /**
     * Starts a PostgreSQL server on the cluster folder. The folder is never cleaned by zonky (a temporary one is
     * deleted by {@link #close()}), so the cluster survives {@link #stop()}.
     */
    private static EmbeddedPostgres launch(Path dataDirectory, Path logFile, int portOrZero, boolean durable)
            throws IOException {
        ProcessBuilder.Redirect toLogFile = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // A kept cluster is reused as it is: zonky runs initdb only while postgresql.conf is missing.
                .setCleanDataDirectory(false)
                .setOutputRedirector(toLogFile)
                .setErrorRedirector(toLogFile);
        if (durable) {
            // zonky starts postgres with -F (fsync off) and synchronous_commit off; a later -c wins over both.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (portOrZero != 0) {
            builder.setPort(portOrZero);
        }
        return builder.start();
    }

    /** Stops the server (fast shutdown: open connections are cut); the cluster and its port are kept for {@link #restart()}. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the stopped server again on the same cluster and port. */
    public synchronized void restart() throws IOException {
        stop();
        server = launch(dataDirectory, logFile, port, temporaryRootOrNull == null);
    }

    /**
     * Freezes the server: SIGSTOP to the postmaster and all its processes (POSIX {@code kill}). Connections stay
     * open and new ones are accepted by the kernel, but nothing answers until {@link #thaw()}.
     */
    public synchronized void freeze() throws IOException {
        signal("-STOP");
    }

    /** Resumes a server stopped by {@link #freeze()} (SIGCONT). */
    public synchronized void thaw() throws IOException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        for (ProcessHandle process : serverProcesses()) {
            command.add(Long.toString(process.pid()));
        }
        try {
            int exit = new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
            if (exit != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending " + signal, e);
        }
    }

    /** Completes when the server now running exits (stopped, killed or crashed). */
    public synchronized java.util.concurrent.CompletableFuture<ProcessHandle> onExit() throws IOException {
        return serverProcesses().get(0).onExit();
    }

    /** The postmaster (first line of the cluster's {@code postmaster.pid}) and its children. */
    private List<ProcessHandle> serverProcesses() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IOException("no PostgreSQL process " + pid + " (" + pidFile + ")"));
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(postmaster);
        postmaster.descendants().forEach(processes::add);
        return processes;
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
        return port;
    }

    /** Stops the server; a data directory given to {@link #start} is kept, a temporary one is deleted. */
    @Override
    public synchronized void close() throws IOException {
        stop();
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
