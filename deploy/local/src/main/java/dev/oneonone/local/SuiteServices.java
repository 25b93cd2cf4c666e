package dev.oneonone.local;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The suite's three services, started from their packaged jars ({@link SuiteService#jar}), told where PostgreSQL and
 * Kafka are through the standard Quarkus environment variables, and stopped together.
 *
 * <pre>
 * try (SuiteServices services = SuiteServices.builder(repositoryRoot)
 *         .logsDirectory(logs)
 *         .postgres(postgres.address())
 *         .kafkaBootstrapServers(kafka.bootstrapServers())
 *         .build()) {
 *     services.start();
 *     services.awaitReady(Duration.ofMinutes(2));
 *     String agendaUrl = services.url(SuiteService.AGENDA);
 * }
 * </pre>
 *
 * Each service uses the database named {@link SuiteService#database()}, which must exist. Ports not chosen are free
 * ones. {@link #close()} may be called from another thread (a shutdown hook) at any time, also while starting.
 */
public final class SuiteServices implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(250);

    private final Path repositoryRoot;
    private final Path logsDirectory;
    private final PostgresAddress postgres;
    private final String kafkaBootstrapServers;
    private final LocalSigningKey signingKey;
    private final Map<SuiteService, Integer> httpPorts;
    private final Map<SuiteService, Map<String, String>> extraEnvironment;
    private final Consumer<String> progress;

    /** Guarded by this, like {@link #closed} changes, so close() never misses a service being started. */
    private final Map<SuiteService, ServiceProcess> running = new EnumMap<>(SuiteService.class);
    private volatile boolean closed;

    private SuiteServices(Builder builder) {
        this.repositoryRoot = builder.repositoryRoot;
        this.logsDirectory = Objects.requireNonNull(builder.logsDirectory, "logsDirectory");
        this.postgres = Objects.requireNonNull(builder.postgres, "postgres");
        this.kafkaBootstrapServers = Objects.requireNonNull(builder.kafkaBootstrapServers, "kafkaBootstrapServers");
        this.signingKey = Objects.requireNonNull(builder.signingKey, "signingKey");
        this.httpPorts = withFreePortsWhereUnset(builder.httpPorts);
        this.extraEnvironment = new EnumMap<>(SuiteService.class);
        builder.extraEnvironment.forEach((service, variables) -> extraEnvironment.put(service, Map.copyOf(variables)));
        this.progress = builder.progress;
    }

    public static Builder builder(Path repositoryRoot) {
        return new Builder(repositoryRoot);
    }

    /** The service jars that are not built yet, so a caller can say how to build them before starting anything. */
    public static List<Path> missingJars(Path repositoryRoot) {
        return Arrays.stream(SuiteService.values())
                .map(service -> service.jar(repositoryRoot))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
    }

    /** Launches the three services and returns without waiting for them; see {@link #awaitReady}. */
    public void start() throws IOException {
        Files.createDirectories(logsDirectory);
        for (SuiteService service : SuiteService.values()) {
            Path logFile = logsDirectory.resolve(service.module() + ".log");
            int httpPort = httpPorts.get(service);
            synchronized (this) {
                if (closed) {
                    throw new ServiceStartException("Stopped while starting");
                }
                progress.accept("Starting " + service.module() + " on port " + httpPort + " (log: " + logFile + ")");
                running.put(service, ServiceProcess.start(service, repositoryRoot, httpPort, environmentOf(service, httpPort),
                        logFile));
            }
        }
    }

    /**
     * Waits until every started service answers 200 on {@code /q/health/ready}.
     *
     * @return how long each service took from its launch until it was ready
     * @throws ServiceStartException if one exits or is not ready in time (the message ends with the last lines of its
     *         log), or if the services are closed meanwhile
     */
    public Map<SuiteService, Duration> awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        Map<SuiteService, Duration> readyAfter = new EnumMap<>(SuiteService.class);
        List<ServiceProcess> waiting = new ArrayList<>(processes());
        while (!waiting.isEmpty()) {
            if (closed) {
                throw new ServiceStartException("Stopped before the services were ready");
            }
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    throw new ServiceStartException(process.service().module() + " exited with code "
                            + process.exitValue() + " while starting. Last lines of " + process.logFile() + ":\n"
                            + process.logTail());
                }
                if (process.isReady(http)) {
                    Duration took = Duration.between(process.startedAt(), Instant.now());
                    progress.accept(process.service().module() + " is ready (" + inSeconds(took) + ")");
                    readyAfter.put(process.service(), took);
                    waiting.remove(process);
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                ServiceProcess late = waiting.get(0);
                throw new ServiceStartException(late.service().module() + " was not ready within "
                        + timeout.toSeconds() + " s. Last lines of " + late.logFile() + ":\n" + late.logTail());
            }
            sleep(READY_POLL_INTERVAL);
        }
        return Collections.unmodifiableMap(readyAfter);
    }

    /** The started service, e.g. to read the end of its log. */
    public synchronized ServiceProcess process(SuiteService service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service.module() + " has not been started");
        }
        return process;
    }

    /** For example {@code http://localhost:8082} for {@link SuiteService#AGENDA}. */
    public String url(SuiteService service) {
        return process(service).url();
    }

    /** The services started so far, in {@link SuiteService} order. */
    public synchronized List<ServiceProcess> processes() {
        return List.copyOf(running.values());
    }

    /**
     * Stops the services: all get SIGTERM at once, then each has 10 s to exit before it is killed. Later calls do
     * nothing.
     */
    @Override
    public void close() {
        List<ServiceProcess> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = List.copyOf(running.values());
        }
        if (toStop.isEmpty()) {
            return;
        }
        progress.accept("Stopping the services ...");
        toStop.forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : toStop) {
            if (!process.awaitExit(STOP_TIMEOUT)) {
                progress.accept(process.service().module() + " did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s; killing it");
                process.kill();
            }
        }
    }

    private Map<String, String> environmentOf(SuiteService service, int httpPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        // The services trust the local-only signing key, which their production profile refuses.
        environment.put("QUARKUS_PROFILE", "local");
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", signingKey.verificationKeys().toUri().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", LocalSigningKey.ISSUER);
        if (service == SuiteService.MEETINGS) {
            // GET /me/export and GET /me/access-log read the other services' parts (docs/privacy.md)
            environment.put("SUITE_SERVICES_AGENDA_URL", "http://localhost:" + httpPorts.get(SuiteService.AGENDA));
            environment.put("SUITE_SERVICES_INSIGHTS_URL", "http://localhost:" + httpPorts.get(SuiteService.INSIGHTS));
        }
        // Last, so a caller may also override the variables above.
        environment.putAll(extraEnvironment.getOrDefault(service, Map.of()));
        return environment;
    }

    private static Map<SuiteService, Integer> withFreePortsWhereUnset(Map<SuiteService, Integer> chosenPorts) {
        // All free ports are picked in one go so that no two services get the same one.
        int[] freePorts = FreePorts.pick(SuiteService.values().length);
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, chosenPorts.getOrDefault(service, freePorts[service.ordinal()]));
        }
        return ports;
    }

    private static String inSeconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("Interrupted while waiting for the services");
        }
    }

    /** Collects what {@link SuiteServices} needs; the logs folder, PostgreSQL, Kafka and the signing key must be given. */
    public static final class Builder {
        private final Path repositoryRoot;
        private Path logsDirectory;
        private PostgresAddress postgres;
        private String kafkaBootstrapServers;
        private LocalSigningKey signingKey;
        private final Map<SuiteService, Integer> httpPorts = new EnumMap<>(SuiteService.class);
        private final Map<SuiteService, Map<String, String>> extraEnvironment = new EnumMap<>(SuiteService.class);
        private Consumer<String> progress = message -> { };

        private Builder(Path repositoryRoot) {
            this.repositoryRoot = Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        }

        /** Where {@code <module>.log} of each service is written (replaced at every start). */
        public Builder logsDirectory(Path logsDirectory) {
            this.logsDirectory = logsDirectory;
            return this;
        }

        public Builder postgres(PostgresAddress postgres) {
            this.postgres = postgres;
            return this;
        }

        public Builder kafkaBootstrapServers(String kafkaBootstrapServers) {
            this.kafkaBootstrapServers = kafkaBootstrapServers;
            return this;
        }

        /** The key the services verify bearer tokens with. */
        public Builder signingKey(LocalSigningKey signingKey) {
            this.signingKey = signingKey;
            return this;
        }

        /** A fixed port for the service; without one it gets a free port. */
        public Builder httpPort(SuiteService service, int port) {
            httpPorts.put(service, port);
            return this;
        }

        /** One more environment variable for the service, e.g. a Quarkus setting; it wins over the suite's own. */
        public Builder environment(SuiteService service, String name, String value) {
            extraEnvironment.computeIfAbsent(service, unused -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Receives a line for each step (starting, ready, stopping); by default the steps go unreported. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public SuiteServices build() {
            return new SuiteServices(this);
        }
    }
}
