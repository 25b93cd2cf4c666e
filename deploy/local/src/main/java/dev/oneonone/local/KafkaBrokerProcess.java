package dev.oneonone.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * Main class of the forked JVM that runs one Kafka broker+controller (KRaft) for {@link LocalKafka}.
 *
 * <p>Arguments: {@code <dataDirectory> <brokerPort> <controllerPort>}. Prints {@value #READY_MARKER} once the broker
 * answers requests, and shuts the broker down when its standard input reaches end of file, so it never outlives
 * the JVM that started it.
 *
 * <p>Runs only on the Kafka classpath written at build time; the parent must never load this class. It must stay a
 * single class file (no nested or anonymous classes): {@link LocalKafka} copies just this file for the forked JVM.
 */
public final class KafkaBrokerProcess {

    /** The line printed on standard output when the broker accepts requests. */
    static final String READY_MARKER = "KAFKA_READY";

    /** The folder inside the data directory that holds the topics (Kafka's log.dirs). */
    private static final String LOG_DIRECTORY_NAME = "kafka-logs";

    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** The broker once created; the shutdown hook stops it. */
    private static final AtomicReference<KafkaRaftServer> RUNNING_SERVER = new AtomicReference<>();

    private KafkaBrokerProcess() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("Usage: KafkaBrokerProcess <dataDirectory> <brokerPort> <controllerPort>");
            System.exit(2);
        }
        // Watch the parent from the very start: it may die while the broker is still starting.
        Thread parentWatch = new Thread(KafkaBrokerProcess::exitWhenStandardInputCloses, "kafka-broker-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        Runtime.getRuntime().addShutdownHook(new Thread(KafkaBrokerProcess::shutDown, "kafka-broker-shutdown"));
        try {
            run(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } catch (Throwable failure) {
            // Kafka's non-daemon threads would otherwise keep a half-started broker alive.
            failure.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    private static void run(Path dataDirectory, int brokerPort, int controllerPort) throws Exception {
        Files.createDirectories(dataDirectory);
        // Must be set before the first logger is created, i.e. before any Kafka class logs.
        System.setProperty("log4j2.configurationFile", writeLoggingConfiguration(dataDirectory).toString());

        Path logDirectory = dataDirectory.resolve(LOG_DIRECTORY_NAME);
        Path serverProperties = writeServerProperties(dataDirectory, logDirectory, brokerPort, controllerPort);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            formatLogDirectory(serverProperties);
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(loadProperties(serverProperties)), Time.SYSTEM);
        RUNNING_SERVER.set(server);
        server.startup();
        awaitBrokerAnswers("localhost:" + brokerPort);

        System.out.println(READY_MARKER);
        System.out.flush();
    }

    private static Path writeServerProperties(Path dataDirectory, Path logDirectory, int brokerPort, int controllerPort)
            throws IOException {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // Fewer internal partitions than the default 50: the first consumer group is ready much sooner.
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Every topic keeps every record: insights-service's replay reads the suite's topics from offset 0.
                Map.entry("log.retention.ms", "-1"),
                Map.entry("log.retention.bytes", "-1"),
                Map.entry("auto.create.topics.enable", "true"));
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = dataDirectory.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by " + KafkaBrokerProcess.class.getName() + " at every start");
        }
        return file;
    }

    private static Path writeLoggingConfiguration(Path dataDirectory) throws IOException {
        String configuration = """
                status = warn
                shutdownHook = disable
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.target = SYSTEM_OUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = %d{HH:mm:ss.SSS} %-5level [%c{1}] %msg%n
                rootLogger.level = WARN
                rootLogger.appenderRef.stdout.ref = STDOUT
                """;
        Path file = dataDirectory.resolve("log4j2.properties");
        Files.writeString(file, configuration, StandardCharsets.UTF_8);
        return file;
    }

    private static void formatLogDirectory(Path serverProperties) {
        String clusterId = Uuid.randomUuid().toString();
        String[] formatArguments = {"format", "--cluster-id", clusterId, "--config", serverProperties.toString()};
        // execute(...) rather than main(...): main calls System.exit.
        int exitCode = StorageTool.execute(formatArguments, System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting the Kafka log directory failed with exit code " + exitCode);
        }
    }

    private static Properties loadProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void awaitBrokerAnswers(String bootstrapServers) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYetAnswering) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka did not answer within " + READY_TIMEOUT, notYetAnswering);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /** Blocks until the parent closes our standard input (or dies), then exits through the shutdown hook. */
    private static void exitWhenStandardInputCloses() {
        InputStream input = System.in;
        byte[] buffer = new byte[256];
        try {
            while (input.read(buffer) >= 0) {
                // Content is ignored: only end of file matters.
            }
        } catch (IOException parentGone) {
            // A broken pipe means the same as end of file.
        }
        System.exit(0);
    }

    private static void shutDown() {
        KafkaRaftServer server = RUNNING_SERVER.getAndSet(null);
        if (server == null) {
            return;
        }
        // A stuck shutdown must not keep the port and the log directory locked forever.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_TIMEOUT.toMillis());
                PrintStream out = System.out;
                out.println("Kafka did not shut down within " + SHUTDOWN_TIMEOUT + "; halting");
                out.flush();
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException finished) {
                Thread.currentThread().interrupt();
            }
        }, "kafka-broker-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        server.shutdown();
        server.awaitShutdown();
        watchdog.interrupt();
    }
}
