package dev.oneonone.local;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local run: PostgreSQL, Kafka and the three services on this machine.
 *
 * <p>{@code ./mvnw -DskipTests package}, then from the repository root {@code java -jar deploy/local/target/local-suite.jar}.
 * Data and logs go to {@code .suite-data/} (or {@code SUITE_DATA_DIR}); {@code SUITE_POSTGRES_HOST} and
 * {@code SUITE_KAFKA_BOOTSTRAP_SERVERS} switch to external servers.
 */
public final class LocalSuite {

    private static final int LOCAL_POSTGRES_PORT = 15432;
    private static final int LOCAL_KAFKA_PORT = 19092;
    private static final Duration SERVICES_READY_TIMEOUT = Duration.ofSeconds(120);

    /** A start-up failure whose message is all the user needs to read. */
    private static final class SuiteStartFailure extends RuntimeException {
        SuiteStartFailure(String message) {
            super(message);
        }
    }

    private final Map<String, String> environment;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Written by the main thread, read by the shutdown hook. */
    private volatile LocalPostgres localPostgres;
    private volatile LocalKafka localKafka;
    /** Guarded by this: set only while not stopping, so the shutdown hook either sees it or it is never started. */
    private SuiteServices services;

    private LocalSuite(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        // Before zonky creates its first logger: only its warnings are of interest here.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LocalSuite suite = new LocalSuite(System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "local-suite-shutdown"));
        try {
            suite.start();
        } catch (SuiteStartFailure | ServiceStartException e) {
            System.err.println();
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println();
            System.err.println("ERROR: the suite could not start");
            e.printStackTrace();
            System.exit(1);
        }
        int exitCode = suite.awaitUnexpectedServiceExit();
        System.exit(exitCode);
    }

    private void start() throws IOException {
        Path repositoryRoot;
        try {
            repositoryRoot = SuiteDataDirectory.repositoryRoot();
        } catch (IllegalStateException e) {
            throw new SuiteStartFailure(e.getMessage());
        }
        Path dataDirectory = SuiteDataDirectory.locate(environment, repositoryRoot);
        requireServiceJars(repositoryRoot);
        LocalSigningKey signingKey = LocalSigningKey.loadOrCreate(dataDirectory.resolve("jwt"));

        PostgresAddress postgres = startOrFindPostgres(dataDirectory.resolve("postgres"));
        String kafkaBootstrapServers = startOrFindKafka(dataDirectory.resolve("kafka"));

        SuiteServices.Builder servicesBuilder = SuiteServices.builder(repositoryRoot)
                .logsDirectory(dataDirectory.resolve("logs"))
                .postgres(postgres)
                .kafkaBootstrapServers(kafkaBootstrapServers)
                .signingKey(signingKey)
                .progress(System.out::println);
        for (SuiteService service : SuiteService.values()) {
            servicesBuilder.httpPort(service, service.defaultHttpPort());
        }
        SuiteServices started = publish(servicesBuilder.build());
        started.start();
        started.awaitReady(SERVICES_READY_TIMEOUT);
        printBanner(started, postgres, kafkaBootstrapServers, dataDirectory);
        reportDeathOfInfrastructure();
    }

    /**
     * The run does not restart a Kafka or PostgreSQL that died under it: it says so on the console, and the services
     * wait (503, consumers retrying) until the run is stopped and started again.
     */
    private void reportDeathOfInfrastructure() throws IOException {
        String advice = " died; the suite does not restart it. The services wait for it (API answers 503, events wait)."
                + " Stop the run (Ctrl-C, or kill <pid>) and start it again: data is kept.";
        if (localPostgres != null) {
            localPostgres.onExit().thenRun(() -> {
                if (!stopping.get()) {
                    System.err.println("ERROR: PostgreSQL" + advice);
                }
            });
        }
        if (localKafka != null) {
            localKafka.onExit().thenRun(() -> {
                if (!stopping.get()) {
                    System.err.println("ERROR: Kafka" + advice);
                }
            });
        }
    }

    private static void requireServiceJars(Path repositoryRoot) {
        List<Path> missing = SuiteServices.missingJars(repositoryRoot);
        if (!missing.isEmpty()) {
            throw new SuiteStartFailure(missing.get(0) + " is missing. Build the suite first: ./mvnw -DskipTests package");
        }
    }

    private PostgresAddress startOrFindPostgres(Path postgresDataDirectory) throws IOException {
        String externalHost = environment.get("SUITE_POSTGRES_HOST");
        if (externalHost != null && !externalHost.isBlank()) {
            PostgresAddress external = new PostgresAddress(externalHost,
                    Integer.parseInt(environment.getOrDefault("SUITE_POSTGRES_PORT", "5432")),
                    environment.getOrDefault("SUITE_POSTGRES_USER", "postgres"),
                    environment.getOrDefault("SUITE_POSTGRES_PASSWORD", "postgres"));
            System.out.println("Using external PostgreSQL at " + external.host() + ":" + external.port());
            for (SuiteService service : SuiteService.values()) {
                createDatabaseOnExternalServer(external, service.database());
            }
            return external;
        }
        System.out.println("Starting PostgreSQL on port " + LOCAL_POSTGRES_PORT + " ...");
        Instant startedAt = Instant.now();
        localPostgres = LocalPostgres.start(postgresDataDirectory, LOCAL_POSTGRES_PORT);
        for (SuiteService service : SuiteService.values()) {
            localPostgres.createDatabaseIfMissing(service.database());
        }
        System.out.println("PostgreSQL is ready (" + secondsSince(startedAt) + ")");
        return localPostgres.address();
    }

    private static void createDatabaseOnExternalServer(PostgresAddress postgres, String database) {
        try {
            PostgresDatabases.createIfMissing(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password(),
                    database);
        } catch (SQLException e) {
            // The user may lack CREATEDB while the database already exists.
            System.out.println("Could not check or create database " + database + " (" + e.getMessage()
                    + "); assuming it exists");
        }
    }

    private String startOrFindKafka(Path kafkaDataDirectory) throws IOException {
        String external = environment.get("SUITE_KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            System.out.println("Using external Kafka at " + external);
            return external;
        }
        System.out.println("Starting Kafka on port " + LOCAL_KAFKA_PORT + " ...");
        Instant startedAt = Instant.now();
        localKafka = LocalKafka.start(kafkaDataDirectory, LOCAL_KAFKA_PORT);
        System.out.println("Kafka is ready (" + secondsSince(startedAt) + ")");
        return localKafka.bootstrapServers();
    }

    private synchronized SuiteServices publish(SuiteServices created) {
        if (stopping.get()) {
            throw new SuiteStartFailure("Stopped while starting");
        }
        services = created;
        return created;
    }

    private synchronized SuiteServices services() {
        return services;
    }

    private void printBanner(SuiteServices running, PostgresAddress postgres, String kafkaBootstrapServers,
            Path dataDirectory) {
        String line = "=".repeat(78);
        StringBuilder banner = new StringBuilder().append('\n').append(line).append('\n')
                .append(" The one-on-one suite is running\n\n");
        for (ServiceProcess service : running.processes()) {
            banner.append(String.format(" %-17s %s%n", service.service().module(), service.url()))
                    .append(String.format(" %-17s Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi%n", "",
                            service.url(), service.url()));
            if ("insights-service".equals(service.service().module())) {
                banner.append(String.format(" %-17s Directors' dashboard %s/dashboard/%n", "", service.url()));
            }
        }
        banner.append('\n')
                .append(String.format(" %-17s %s:%d (user %s)%s%n", "PostgreSQL", postgres.host(), postgres.port(),
                        postgres.username(), localPostgres != null ? "" : " [external]"))
                .append(String.format(" %-17s %s%s%n", "Kafka", kafkaBootstrapServers,
                        localKafka != null ? "" : " [external]"))
                .append(String.format(" %-17s %s (logs in %s)%n", "Data folder", dataDirectory,
                        dataDirectory.resolve("logs")))
                .append('\n')
                .append(" Every API call needs a bearer token; mint one (local use only) with:\n")
                .append("   java -cp deploy/local/target/local-suite.jar dev.oneonone.local.MintToken --org acme --role integration\n")
                .append(" (the dashboard takes a director's: --role director --person <their id>)\n")
                .append('\n').append(" Press Ctrl-C to stop\n").append(line);
        System.out.println(banner);
    }

    /** Blocks until a service exits on its own; Ctrl-C ends the JVM through the shutdown hook instead. */
    private int awaitUnexpectedServiceExit() {
        List<ServiceProcess> processes = services().processes();
        CompletableFuture<?>[] exits = processes.stream()
                .map(ServiceProcess::onExit)
                .toArray(CompletableFuture<?>[]::new);
        CompletableFuture.anyOf(exits).join();
        for (ServiceProcess service : processes) {
            if (!service.isAlive() && !stopping.get()) {
                System.err.println("ERROR: " + service.service().module() + " exited with code "
                        + service.exitValue() + ". Last lines of " + service.logFile() + ":\n" + service.logTail());
            }
        }
        return 1;
    }

    /** Services first, then Kafka, then PostgreSQL, so nothing loses its dependencies while still running. */
    private void stopAll() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        SuiteServices toStop = services();
        boolean servicesStarted = toStop != null && !toStop.processes().isEmpty();
        if (toStop != null) {
            toStop.close();
        }
        if (localKafka != null) {
            System.out.println("Stopping Kafka ...");
            closeQuietly(localKafka);
        }
        if (localPostgres != null) {
            System.out.println("Stopping PostgreSQL ...");
            closeQuietly(localPostgres);
        }
        if (servicesStarted || localKafka != null || localPostgres != null) {
            System.out.println("Stopped.");
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Stopping " + server + " failed: " + e);
        }
    }

    private static String secondsSince(Instant start) {
        return String.format("%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }
}
