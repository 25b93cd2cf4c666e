package dev.oneonone.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.stream.Stream;

import dev.oneonone.local.LocalKafka;
import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.LocalSigningKey;
import dev.oneonone.local.PostgresAddress;
import dev.oneonone.local.SuiteDataDirectory;
import dev.oneonone.local.SuiteService;
import dev.oneonone.local.SuiteServices;

/**
 * The suite under measurement: either started here exactly as the README's run command starts it (packaged jars,
 * the same JVM options, PostgreSQL with {@code fsync} and {@code synchronous_commit} on, a real Kafka), on free
 * ports and in a fresh folder deleted afterwards except its logs; or a running one given by its URLs.
 */
final class SuiteTarget implements AutoCloseable {
    private final String meetingsUrl;
    private final String agendaUrl;
    private final String insightsUrl;
    private final PostgresAddress postgres;
    private final LocalSigningKey signingKey;
    private final LocalPostgres ownPostgres;
    private final LocalKafka ownKafka;
    private final SuiteServices ownServices;
    private final Path ownData;

    private SuiteTarget(String meetingsUrl, String agendaUrl, String insightsUrl, PostgresAddress postgres,
            LocalSigningKey signingKey, LocalPostgres ownPostgres, LocalKafka ownKafka, SuiteServices ownServices,
            Path ownData) {
        this.meetingsUrl = meetingsUrl;
        this.agendaUrl = agendaUrl;
        this.insightsUrl = insightsUrl;
        this.postgres = postgres;
        this.signingKey = signingKey;
        this.ownPostgres = ownPostgres;
        this.ownKafka = ownKafka;
        this.ownServices = ownServices;
        this.ownData = ownData;
    }

    /** Starts PostgreSQL (durable, as the README's run), Kafka and the three packaged services. */
    static SuiteTarget start() throws IOException {
        Path root = SuiteDataDirectory.repositoryRoot();
        if (!SuiteServices.missingJars(root).isEmpty()) {
            throw new IllegalStateException("The services are not packaged: ./mvnw -DskipTests package");
        }
        Path data = Files.createTempDirectory("suite-benchmark");
        System.out.println("Suite data and logs: " + data);
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        SuiteServices services = null;
        try {
            // a data directory makes the cluster durable, as .suite-data/ of the run command
            postgres = LocalPostgres.start(data.resolve("postgres"), 0);
            for (SuiteService service : SuiteService.values()) {
                postgres.createDatabaseIfMissing(service.database());
            }
            kafka = LocalKafka.start(data.resolve("kafka"), 0);
            LocalSigningKey key = LocalSigningKey.loadOrCreate(data.resolve("jwt"));
            services = SuiteServices.builder(root).logsDirectory(data.resolve("logs")).postgres(postgres.address())
                    .kafkaBootstrapServers(kafka.bootstrapServers()).signingKey(key).progress(System.out::println).build();
            services.start();
            services.awaitReady(Duration.ofMinutes(4));
            return new SuiteTarget(services.url(SuiteService.MEETINGS), services.url(SuiteService.AGENDA),
                    services.url(SuiteService.INSIGHTS), postgres.address(), key, postgres, kafka, services, data);
        } catch (IOException | RuntimeException e) {
            closeAll(services, kafka, postgres);
            throw e;
        }
    }

    /** A running suite: its URLs, its PostgreSQL (for the baseline) and the folder of its signing key. */
    static SuiteTarget attach(String meetingsUrl, String agendaUrl, String insightsUrl, PostgresAddress postgres,
            Path signingKeyFolder) {
        if (!Files.isDirectory(signingKeyFolder)) {
            throw new IllegalStateException("No signing key folder " + signingKeyFolder + " (--jwt-dir)");
        }
        return new SuiteTarget(strip(meetingsUrl), strip(agendaUrl), strip(insightsUrl), postgres,
                LocalSigningKey.loadOrCreate(signingKeyFolder), null, null, null, null);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String meetingsUrl() {
        return meetingsUrl;
    }

    String agendaUrl() {
        return agendaUrl;
    }

    String insightsUrl() {
        return insightsUrl;
    }

    PostgresAddress postgres() {
        return postgres;
    }

    LocalSigningKey signingKey() {
        return signingKey;
    }

    /** The port of Kafka when the benchmark started it (a running suite's is not known). */
    OptionalInt kafkaPort() {
        return ownKafka == null ? OptionalInt.empty() : OptionalInt.of(ownKafka.port());
    }

    boolean own() {
        return ownServices != null;
    }

    @Override
    public void close() {
        if (!own()) {
            return;
        }
        closeAll(ownServices, ownKafka, ownPostgres);
        for (String folder : new String[] { "postgres", "kafka" }) {
            try (Stream<Path> files = Files.walk(ownData.resolve(folder))) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // a temporary folder: what is left goes with the next reboot
            }
        }
        System.out.println("Stopped the suite; its logs stay in " + ownData.resolve("logs"));
    }

    /** Services first, then Kafka, then PostgreSQL. */
    private static void closeAll(AutoCloseable services, AutoCloseable kafka, AutoCloseable postgres) {
        for (AutoCloseable each : new AutoCloseable[] { services, kafka, postgres }) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                System.err.println("Stopping: " + e);
            }
        }
    }
}
