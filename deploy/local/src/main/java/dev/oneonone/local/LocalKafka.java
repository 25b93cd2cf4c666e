package dev.oneonone.local;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) running in a forked JVM.
 *
 * <p>The broker's classpath is kept apart from the caller's, which has its own kafka-clients and Jackson: it is the
 * list of jars written at build time into {@code kafka-broker.classpath}. The forked JVM exits when this JVM closes
 * its standard input or dies, so a killed test run leaves no broker behind.
 */
public final class LocalKafka implements AutoCloseable {

    /** Not a class literal: loading {@link KafkaBrokerProcess} here would need Kafka on this classpath. */
    private static final String BROKER_MAIN_CLASS = "dev.oneonone.local.KafkaBrokerProcess";
    private static final String BROKER_CLASS_FILE = "dev/oneonone/local/KafkaBrokerProcess.class";
    private static final List<String> BROKER_CLASSPATH_RESOURCES = List.of(
            "kafka-broker.classpath", "kafka-broker-shared.classpath");
    private static final List<String> BROKER_JVM_OPTIONS = List.of(
            "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final int OUTPUT_TAIL_LINES = 40;

    private final Path dataDirectory;
    private final boolean temporaryDataDirectory;
    private final int brokerPort;
    private final int controllerPort;
    private Process brokerProcess;
    private Thread outputForwarder;

    private LocalKafka(Path dataDirectory, boolean temporaryDataDirectory, int brokerPort, int controllerPort) {
        this.dataDirectory = dataDirectory;
        this.temporaryDataDirectory = temporaryDataDirectory;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker and returns once it accepts requests.
     *
     * @param dataDirectoryOrNull where topics are kept between runs; {@code null} for a temporary folder deleted on close
     * @param portOrZero the client port; 0 for a free one
     */
    public static LocalKafka start(Path dataDirectoryOrNull, int portOrZero) throws IOException {
        boolean temporary = dataDirectoryOrNull == null;
        Path dataDirectory = temporary
                ? Files.createTempDirectory("local-kafka-")
                : Files.createDirectories(dataDirectoryOrNull.toAbsolutePath());
        int[] freePorts = FreePorts.pick(2);
        int brokerPort = portOrZero == 0 ? freePorts[0] : portOrZero;
        int controllerPort = freePorts[1] != brokerPort ? freePorts[1] : freePorts[0];
        LocalKafka kafka = new LocalKafka(dataDirectory, temporary, brokerPort, controllerPort);
        try {
            kafka.launch();
        } catch (RuntimeException | IOException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** Where clients connect, e.g. {@code localhost:19092}. */
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Completes when the broker process now running exits (stopped, killed or crashed). */
    public synchronized java.util.concurrent.CompletableFuture<Process> onExit() {
        return brokerProcess == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : brokerProcess.onExit();
    }

    public synchronized boolean isRunning() {
        return brokerProcess != null && brokerProcess.isAlive();
    }

    /** Stops the broker cleanly; its topics and its ports are kept for {@link #restart()}. */
    public synchronized void stop() {
        if (brokerProcess == null) {
            return;
        }
        try {
            // End of file on the broker's standard input is its signal to shut down.
            brokerProcess.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // The process is exiting anyway.
        }
        try {
            if (!brokerProcess.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                brokerProcess.destroyForcibly().waitFor();
            }
            outputForwarder.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            brokerProcess.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            brokerProcess = null;
            outputForwarder = null;
        }
    }

    /** Starts the broker again on the same port and data; returns once it accepts requests. */
    public synchronized void restart() throws IOException {
        stop();
        launch();
    }

    /** Stops the broker and deletes its data if it lives in a temporary folder. */
    @Override
    public synchronized void close() throws IOException {
        stop();
        if (temporaryDataDirectory) {
            Directories.deleteRecursively(dataDirectory);
        }
    }

    private synchronized void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.path());
        command.addAll(BROKER_JVM_OPTIONS);
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(BROKER_MAIN_CLASS);
        command.add(dataDirectory.toString());
        command.add(String.valueOf(brokerPort));
        command.add(String.valueOf(controllerPort));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BrokerOutput output = new BrokerOutput(process.getInputStream(), dataDirectory.resolve("broker.log"));
        Thread forwarder = new Thread(output::forward, "local-kafka-output-" + brokerPort);
        forwarder.setDaemon(true);
        forwarder.start();
        brokerProcess = process;
        outputForwarder = forwarder;

        try {
            output.ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("Kafka was not ready within " + READY_TIMEOUT.toSeconds()
                    + " s; its last output:\n" + output.tail(), e);
        } catch (ExecutionException e) {
            stop();
            throw new IllegalStateException("Kafka exited before it was ready; its last output:\n" + output.tail(), e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka was starting", e);
        }
    }

    private String brokerClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(brokerClassesDirectory().toString());
        for (String resource : BROKER_CLASSPATH_RESOURCES) {
            try (InputStream in = LocalKafka.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + resource + " is missing: build local-runtime with Maven");
                }
                String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                for (String entry : classpath.split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(entry);
                    }
                }
            }
        }
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new IllegalStateException("Kafka broker classpath entry " + entry
                        + " does not exist: rebuild local-runtime with Maven on this machine");
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * A folder holding only KafkaBrokerProcess.class, copied from wherever this class was loaded (folder, jar or a
     * Quarkus class loader). Not the jar itself: local-suite.jar's manifest Class-Path would add the caller's
     * libraries (another SLF4J provider among them) to the broker.
     */
    private Path brokerClassesDirectory() throws IOException {
        Path classesDirectory = dataDirectory.resolve("broker-classes");
        Path classFile = classesDirectory.resolve(BROKER_CLASS_FILE);
        Files.createDirectories(classFile.getParent());
        try (InputStream in = LocalKafka.class.getClassLoader().getResourceAsStream(BROKER_CLASS_FILE)) {
            if (in == null) {
                throw new IllegalStateException(BROKER_CLASS_FILE + " is not on the classpath");
            }
            Files.copy(in, classFile, StandardCopyOption.REPLACE_EXISTING);
        }
        return classesDirectory;
    }

    /** Copies the broker's output to broker.log, keeps its last lines and notices the ready marker. */
    private static final class BrokerOutput {
        private final InputStream output;
        private final Path logFile;
        private final Deque<String> lastLines = new ArrayDeque<>();
        final CompletableFuture<Void> ready = new CompletableFuture<>();

        BrokerOutput(InputStream output, Path logFile) {
            this.output = output;
            this.logFile = logFile;
        }

        void forward() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                 BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                         StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.equals(KafkaBrokerProcess.READY_MARKER)) {
                        ready.complete(null);
                        continue;
                    }
                    remember(line);
                    log.write(line);
                    log.newLine();
                    log.flush();
                }
            } catch (IOException e) {
                remember("Reading the broker output failed: " + e);
            } finally {
                ready.completeExceptionally(new IllegalStateException("The Kafka broker process exited"));
            }
        }

        private synchronized void remember(String line) {
            if (lastLines.size() == OUTPUT_TAIL_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }

        synchronized String tail() {
            return String.join("\n", lastLines);
        }
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", " + dataDirectory + "]";
    }
}
