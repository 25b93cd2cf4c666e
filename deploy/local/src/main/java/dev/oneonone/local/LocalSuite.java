package dev.oneonone.local;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local run: PostgreSQL, Kafka and the three services on this machine.
 *
 * <p>{@code ./mvnw -DskipTests install}, then from the repository root {@code java -jar deploy/local/target/local-suite.jar}.
 * Data and logs go to {@code .suite-data/} (or {@code SUITE_DATA_DIR}); {@code SUITE_POSTGRES_HOST} and
 * {@code SUITE_KAFKA_BOOTSTRAP_SERVERS} switch to external servers.
 */
public final class LocalSuite {

    private static final List<ServiceDefinition> SERVICES = List.of(
            new ServiceDefinition("meetings-service", 8081, "meetings"),
            new ServiceDefinition("agenda-service", 8082, "agenda"),
            new ServiceDefinition("insights-service", 8083, "insights"));
    private static final int LOCAL_POSTGRES_PORT = 15432;
    private static final int LOCAL_KAFKA_PORT = 19092;
    private static final Duration SERVICES_READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;

    private record ServiceDefinition(String module, int httpPort, String database) {
        Path jar(Path repositoryRoot) {
            return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        String url() {
            return "http://localhost:" + httpPort;
        }
    }

    private record RunningService(ServiceDefinition definition, Process process, Path logFile) {
    }

    /** Where the services find PostgreSQL, embedded or external. */
    private record PostgresAddress(String host, int port, String username, String password) {
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A start-up failure whose message is all the user needs to read. */
    private static final class SuiteStartFailure extends RuntimeException {
        SuiteStartFailure(String message) {
            super(message);
        }
    }

    private final Map<String, String> environment;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<RunningService> services = new ArrayList<>();
    /** Written by the main thread, read by the shutdown hook. */
    private volatile LocalPostgres localPostgres;
    private volatile LocalKafka localKafka;

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
        } catch (SuiteStartFailure e) {
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
        Path repositoryRoot = findRepositoryRoot();
        Path dataDirectory = environment.containsKey("SUITE_DATA_DIR")
                ? Path.of(environment.get("SUITE_DATA_DIR")).toAbsolutePath()
                : repositoryRoot.resolve(".suite-data");
        requireServiceJars(repositoryRoot);
        Path logsDirectory = Files.createDirectories(dataDirectory.resolve("logs"));

        PostgresAddress postgres = startOrFindPostgres(dataDirectory.resolve("postgres"));
        String kafkaBootstrapServers = startOrFindKafka(dataDirectory.resolve("kafka"));

        for (ServiceDefinition service : SERVICES) {
            startService(repositoryRoot, service, postgres, kafkaBootstrapServers, logsDirectory);
        }
        awaitServicesReady();
        printBanner(postgres, kafkaBootstrapServers, dataDirectory);
    }

    /** The current folder or one above it, else a folder above this jar, that holds meetings-service/. */
    private static Path findRepositoryRoot() {
        Set<Path> startingPoints = new LinkedHashSet<>();
        startingPoints.add(Path.of("").toAbsolutePath());
        try {
            startingPoints.add(Path.of(LocalSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException unknownLocation) {
            // The current folder is the only clue then.
        }
        for (Path start : startingPoints) {
            for (Path folder = start; folder != null; folder = folder.getParent()) {
                if (Files.isDirectory(folder.resolve(SERVICES.get(0).module()))) {
                    return folder;
                }
            }
        }
        throw new SuiteStartFailure("Cannot find the repository root (the folder holding "
                + SERVICES.get(0).module() + "/). Run this from the repository root.");
    }

    private static void requireServiceJars(Path repositoryRoot) {
        for (ServiceDefinition service : SERVICES) {
            if (!Files.isRegularFile(service.jar(repositoryRoot))) {
                throw new SuiteStartFailure(service.jar(repositoryRoot) + " is missing. Build the suite first: "
                        + "./mvnw -DskipTests install");
            }
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
            for (ServiceDefinition service : SERVICES) {
                createDatabaseOnExternalServer(external, service.database());
            }
            return external;
        }
        System.out.println("Starting PostgreSQL on port " + LOCAL_POSTGRES_PORT + " ...");
        Instant startedAt = Instant.now();
        localPostgres = LocalPostgres.start(postgresDataDirectory, LOCAL_POSTGRES_PORT);
        for (ServiceDefinition service : SERVICES) {
            localPostgres.createDatabaseIfMissing(service.database());
        }
        System.out.println("PostgreSQL is ready (" + secondsSince(startedAt) + ")");
        return new PostgresAddress("localhost", localPostgres.port(), localPostgres.username(), localPostgres.password());
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

    private void startService(Path repositoryRoot, ServiceDefinition service, PostgresAddress postgres,
            String kafkaBootstrapServers, Path logsDirectory) throws IOException {
        Path logFile = logsDirectory.resolve(service.module() + ".log");
        ProcessBuilder builder = new ProcessBuilder(JavaExecutable.path(), "-jar", service.jar(repositoryRoot).toString())
                .directory(repositoryRoot.resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> serviceEnvironment = builder.environment();
        serviceEnvironment.put("QUARKUS_HTTP_PORT", String.valueOf(service.httpPort()));
        serviceEnvironment.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database()));
        serviceEnvironment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        serviceEnvironment.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        serviceEnvironment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        serviceEnvironment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        synchronized (services) {
            if (stopping.get()) {
                throw new SuiteStartFailure("Stopped while starting");
            }
            System.out.println("Starting " + service.module() + " on port " + service.httpPort() + " (log: "
                    + logFile + ")");
            services.add(new RunningService(service, builder.start(), logFile));
        }
    }

    private void awaitServicesReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant startedAt = Instant.now();
        Instant deadline = startedAt.plus(SERVICES_READY_TIMEOUT);
        List<RunningService> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            if (stopping.get()) {
                throw new SuiteStartFailure("Stopped before the services were ready");
            }
            for (RunningService service : List.copyOf(waiting)) {
                if (!service.process().isAlive()) {
                    throw new SuiteStartFailure(service.definition().module() + " exited with code "
                            + service.process().exitValue() + " while starting. Last lines of " + service.logFile()
                            + ":\n" + tail(service.logFile()));
                }
                if (isReady(http, service.definition())) {
                    System.out.println(service.definition().module() + " is ready (" + secondsSince(startedAt) + ")");
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                RunningService late = waiting.get(0);
                throw new SuiteStartFailure(late.definition().module() + " was not ready within "
                        + SERVICES_READY_TIMEOUT.toSeconds() + " s. Last lines of " + late.logFile() + ":\n"
                        + tail(late.logFile()));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static boolean isReady(HttpClient http, ServiceDefinition service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printBanner(PostgresAddress postgres, String kafkaBootstrapServers, Path dataDirectory) {
        String line = "=".repeat(78);
        StringBuilder banner = new StringBuilder().append('\n').append(line).append('\n')
                .append(" The one-on-one suite is running\n\n");
        for (ServiceDefinition service : SERVICES) {
            banner.append(String.format(" %-17s %s%n", service.module(), service.url()))
                    .append(String.format(" %-17s Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi%n", "",
                            service.url(), service.url()));
        }
        banner.append('\n')
                .append(String.format(" %-17s %s:%d (user %s)%s%n", "PostgreSQL", postgres.host(), postgres.port(),
                        postgres.username(), localPostgres != null ? "" : " [external]"))
                .append(String.format(" %-17s %s%s%n", "Kafka", kafkaBootstrapServers,
                        localKafka != null ? "" : " [external]"))
                .append(String.format(" %-17s %s (logs in %s)%n", "Data folder", dataDirectory,
                        dataDirectory.resolve("logs")))
                .append('\n').append(" Press Ctrl-C to stop\n").append(line);
        System.out.println(banner);
    }

    /** Blocks until a service exits on its own; Ctrl-C ends the JVM through the shutdown hook instead. */
    private int awaitUnexpectedServiceExit() {
        CompletableFuture<?>[] exits = services.stream()
                .map(service -> service.process().onExit())
                .toArray(CompletableFuture<?>[]::new);
        CompletableFuture.anyOf(exits).join();
        for (RunningService service : services) {
            if (!service.process().isAlive() && !stopping.get()) {
                System.err.println("ERROR: " + service.definition().module() + " exited with code "
                        + service.process().exitValue() + ". Last lines of " + service.logFile() + ":\n"
                        + tail(service.logFile()));
            }
        }
        return 1;
    }

    /** Services first, then Kafka, then PostgreSQL, so nothing loses its dependencies while still running. */
    private void stopAll() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        List<RunningService> toStop;
        synchronized (services) {
            toStop = List.copyOf(services);
        }
        if (!toStop.isEmpty()) {
            System.out.println("Stopping the services ...");
        }
        toStop.forEach(service -> service.process().destroy());
        for (RunningService service : toStop) {
            stopProcess(service);
        }
        if (localKafka != null) {
            System.out.println("Stopping Kafka ...");
            closeQuietly(localKafka);
        }
        if (localPostgres != null) {
            System.out.println("Stopping PostgreSQL ...");
            closeQuietly(localPostgres);
        }
        if (!toStop.isEmpty() || localKafka != null || localPostgres != null) {
            System.out.println("Stopped.");
        }
    }

    private static void stopProcess(RunningService service) {
        try {
            if (!service.process().waitFor(SERVICE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.out.println(service.definition().module() + " did not stop within "
                        + SERVICE_STOP_TIMEOUT.toSeconds() + " s; killing it");
                service.process().destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            service.process().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Stopping " + server + " failed: " + e);
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static String secondsSince(Instant start) {
        return String.format("%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteStartFailure("Interrupted while waiting for the services");
        }
    }
}
