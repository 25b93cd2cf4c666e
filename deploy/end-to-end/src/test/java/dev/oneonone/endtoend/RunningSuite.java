package dev.oneonone.endtoend;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.oneonone.kit.openapi.OpenApiResponses;
import dev.oneonone.local.LocalKafka;
import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.LocalSigningKey;
import dev.oneonone.local.SuiteService;
import dev.oneonone.local.SuiteServices;
import io.restassured.RestAssured;

/**
 * The three packaged services on a fresh PostgreSQL and Kafka, started once for every test class that asks for it
 * ({@code @ExtendWith(RunningSuite.Shared.class)} and a {@code RunningSuite} parameter) and stopped after the last
 * test of the run: each start costs about a minute on CI.
 */
final class RunningSuite implements AutoCloseable {
    private static final Duration SERVICES_READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path repositoryRoot;
    private final Path logsDirectory;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalSigningKey signingKey;
    private final SuiteServices services;

    /** Resolves a {@code RunningSuite} parameter to the run's one suite, starting it on first use. */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSuite.class;
        }

        @Override
        public RunningSuite resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // The root store closes it (AutoCloseable) once every test class has run.
            return context.getRoot().getStore(ExtensionContext.Namespace.create(RunningSuite.class))
                    .computeIfAbsent(RunningSuite.class, key -> {
                        try {
                            return start();
                        } catch (Exception e) {
                            throw new IllegalStateException("The suite did not start: " + e.getMessage(), e);
                        }
                    }, RunningSuite.class);
        }
    }

    private RunningSuite(Path repositoryRoot, Path logsDirectory, LocalPostgres postgres, LocalKafka kafka,
            LocalSigningKey signingKey, SuiteServices services) {
        this.repositoryRoot = repositoryRoot;
        this.logsDirectory = logsDirectory;
        this.postgres = postgres;
        this.kafka = kafka;
        this.signingKey = signingKey;
        this.services = services;
    }

    private static RunningSuite start() throws Exception {
        Path repositoryRoot = pathFromSystemProperty("suite.repository-root");
        Path logsDirectory = pathFromSystemProperty("suite.e2e-logs");
        List<Path> missingJars = SuiteServices.missingJars(repositoryRoot);
        if (!missingJars.isEmpty()) {
            fail("The services are not packaged (missing " + missingJars + "): run ./mvnw verify from the root");
        }
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        SuiteServices services = null;
        try {
            postgres = LocalPostgres.start(null, 0);
            for (SuiteService service : SuiteService.values()) {
                postgres.createDatabaseIfMissing(service.database());
            }
            kafka = LocalKafka.start(null, 0);
            LocalSigningKey signingKey = LocalSigningKey.loadOrCreate(Files.createTempDirectory("e2e-jwt"));

            SuiteServices.Builder servicesBuilder = SuiteServices.builder(repositoryRoot)
                    .logsDirectory(logsDirectory)
                    .postgres(postgres.address())
                    .kafkaBootstrapServers(kafka.bootstrapServers())
                    .signingKey(signingKey)
                    .progress(System.out::println);
            for (SuiteService service : SuiteService.values()) {
                // Plain lines rather than the production JSON logs: their last lines end up in failure messages.
                servicesBuilder.environment(service, "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            }
            services = servicesBuilder.build();
            Instant launchedAt = Instant.now();
            services.start();
            Map<SuiteService, Duration> readyAfter = services.awaitReady(SERVICES_READY_TIMEOUT);
            System.out.println(readinessReport(Duration.between(launchedAt, Instant.now()), readyAfter));
            // Every answer the tests receive through RestAssured is checked against the OpenAPI document of the service
            // that gave it, as in each service's own tests (kit test-jar; docs/api-standards.md).
            RestAssured.filters(new OpenApiResponses());
            return new RunningSuite(repositoryRoot, logsDirectory, postgres, kafka, signingKey, services);
        } catch (Exception | Error e) {
            stop(postgres, kafka, services, e);
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        stop(postgres, kafka, services, null);
    }

    /** Services first, then Kafka, then PostgreSQL, so nothing loses what it depends on while still running. */
    private static void stop(LocalPostgres postgres, LocalKafka kafka, SuiteServices services, Throwable cause) {
        try (AutoCloseable closedThird = postgres; AutoCloseable closedSecond = kafka;
                AutoCloseable closedFirst = services) {
            // try-with-resources closes in reverse order, skips what a failed start left null and keeps every failure.
        } catch (Exception e) {
            if (cause == null) {
                throw new IllegalStateException("Stopping the suite failed", e);
            }
            cause.addSuppressed(e);
        }
    }

    Path repositoryRoot() {
        return repositoryRoot;
    }

    Path logsDirectory() {
        return logsDirectory;
    }

    LocalPostgres postgres() {
        return postgres;
    }

    LocalKafka kafka() {
        return kafka;
    }

    LocalSigningKey signingKey() {
        return signingKey;
    }

    /** The base URL of a service, e.g. {@code http://localhost:41234}. */
    String url(SuiteService service) {
        return services.url(service);
    }

    /** A client acting for the people and platforms of {@code organisationId}. */
    SuiteClient client(String organisationId) {
        return new SuiteClient(services, signingKey, organisationId);
    }

    /** The last lines of each service's log, for a failure message. */
    String logTails(SuiteService... servicesToShow) {
        return Arrays.stream(servicesToShow)
                .map(services::process)
                .map(process -> "\n--- last lines of " + process.logFile() + " ---\n" + process.logTail())
                .collect(joining());
    }

    private static String readinessReport(Duration allReady, Map<SuiteService, Duration> readyAfter) {
        String each = readyAfter.entrySet().stream()
                .map(ready -> ready.getKey().module() + " " + inSeconds(ready.getValue()))
                .collect(joining(", "));
        return "The three services were ready " + inSeconds(allReady) + " after launch (" + each + ")";
    }

    private static String inSeconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    static Path pathFromSystemProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set; Maven's surefire configuration "
                    + "sets it: ./mvnw verify -pl deploy/end-to-end");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
