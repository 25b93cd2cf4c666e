package dev.oneonone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource giving a service a fresh PostgreSQL database and a fresh Kafka broker.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = SuiteInfrastructure.class,
 *         initArgs = &#64;ResourceArg(name = SuiteInfrastructure.DATABASE_ARG, value = "meetings"))
 * </pre>
 *
 * Tests reach the running servers through {@link #kafka()} and {@link #postgres()}, for example to stop Kafka.
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the service's database, e.g. "meetings". */
    public static final String DATABASE_ARG = "database";

    private static volatile LocalPostgres runningPostgres;
    private static volatile LocalKafka runningKafka;
    private static volatile LocalSigningKey runningSigningKey;

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
    }

    @Override
    public Map<String, String> start() {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("SuiteInfrastructure needs the init argument \"" + DATABASE_ARG
                    + "\", e.g. @ResourceArg(name = \"database\", value = \"meetings\")");
        }
        // The broker boots in its own JVM; start PostgreSQL meanwhile.
        CompletableFuture<LocalKafka> kafkaStarting = CompletableFuture.supplyAsync(SuiteInfrastructure::startKafka);
        LocalPostgres postgres = null;
        try {
            postgres = LocalPostgres.start(null, 0);
            postgres.createDatabaseIfMissing(database);
            runningKafka = kafkaStarting.join();
            runningPostgres = postgres;
        } catch (IOException | RuntimeException e) {
            closeQuietly(postgres);
            kafkaStarting.thenAccept(SuiteInfrastructure::closeQuietly);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot start the suite infrastructure: " + cause.getMessage(), cause);
        }
        // a fresh local-only signing key per run; tests mint their tokens with it
        try {
            runningSigningKey = LocalSigningKey.loadOrCreate(Files.createTempDirectory("local-jwt-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(runningSigningKey.serviceConfiguration());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", runningKafka.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        LocalKafka kafka = runningKafka;
        LocalPostgres postgres = runningPostgres;
        runningKafka = null;
        runningPostgres = null;
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    /** The broker of the running test resource. */
    public static LocalKafka kafka() {
        LocalKafka kafka = runningKafka;
        if (kafka == null) {
            throw new IllegalStateException("SuiteInfrastructure is not running");
        }
        return kafka;
    }

    /** The signing key the running services trust; tests mint bearer tokens with it. */
    public static LocalSigningKey signingKey() {
        LocalSigningKey key = runningSigningKey;
        if (key == null) {
            throw new IllegalStateException("SuiteInfrastructure is not running");
        }
        return key;
    }

    /** The PostgreSQL server of the running test resource. */
    public static LocalPostgres postgres() {
        LocalPostgres postgres = runningPostgres;
        if (postgres == null) {
            throw new IllegalStateException("SuiteInfrastructure is not running");
        }
        return postgres;
    }

    private static LocalKafka startKafka() {
        try {
            return LocalKafka.start(null, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            // Stopping goes on with the other server; the failure is only reported.
            System.err.println("Stopping " + server + " failed: " + e);
        }
    }
}
