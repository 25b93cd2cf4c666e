package dev.oneonone.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service of the suite running as {@code java -jar quarkus-run.jar}, its whole output in a log file. */
public final class ServiceProcess {

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration READY_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The JVM's memory, explicit: a 192 MB heap, bounded metaspace, code cache and direct buffers, the serial
     * collector (no per-core GC threads) and small thread stacks, so that a service stays under 300 MB resident on
     * a machine where three services, Kafka and PostgreSQL share the memory; without them the JVM takes a quarter
     * of the machine's memory for the heap alone. {@code SUITE_SERVICE_JAVA_OPTS} replaces them.
     *
     * <p>What a service holds after the benchmark's load (native memory tracking, docs/performance/insights.md): the
     * heap (committed, not the cap), about 110 MB of class metadata (some 20,000 classes: fixed), 35-45 MB of
     * compiled code, 23 MB of symbols, and 50-60 MB that native memory tracking does not see: memory glibc keeps
     * after the JIT's and the libraries' frees. So, besides the caps: {@code TrimNativeHeapInterval} hands freed
     * native memory back every 10 s; {@code jdk.nio.maxCachedBufferSize} stops each thread caching a direct buffer
     * as large as its largest socket read (a replay's Kafka fetches are megabytes); {@code MaxHeapFreeRatio}
     * lets a full collection give back heap the service no longer uses, all of it at once with
     * {@code -XX:-ShrinkHeapInSteps} (by default the first full collections after a busy time shrink by 0, 10 and
     * 40 % of the excess only), and the kit's {@code HeapRelease} runs such a collection once a service has gone
     * quiet: the serial collector has no full collection of its own then. The heap starts at 32 MB, the floor it
     * never shrinks under (64 MB kept a quiet service's heap above its live objects). With {@code MALLOC_ARENA_MAX=2}, which
     * the services get unless set.
     *
     * <p>The code cache is reserved at the JDK's own size for tiered compilation (240 MB of address space; resident
     * is only the compiled code, 40-45 MB): reserved at 64 MB, the sweeper counted methods cold early and threw
     * away some 22,000 compiled methods in 25 s of command load, which C2 then compiled again, so that the compiler
     * took more CPU than the requests and the benchmark's command rate halved (docs/performance/commands.md).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=240m", "-XX:MaxDirectMemorySize=64m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-XX:-ShrinkHeapInSteps",
            "-XX:TrimNativeHeapInterval=10000",
            "-Djdk.nio.maxCachedBufferSize=262144", "-XX:+ExitOnOutOfMemoryError");

    private final SuiteService service;
    private final int httpPort;
    private final Path logFile;
    private final Process process;
    private final Instant startedAt;

    private ServiceProcess(SuiteService service, int httpPort, Path logFile, Process process, Instant startedAt) {
        this.service = service;
        this.httpPort = httpPort;
        this.logFile = logFile;
        this.process = process;
        this.startedAt = startedAt;
    }

    /**
     * Launches the service's jar from its module folder and returns at once.
     *
     * @param environment added to this JVM's environment; it must set at least {@code QUARKUS_HTTP_PORT} to {@code httpPort}
     * @param logFile replaced by the service's standard output and error
     */
    public static ServiceProcess start(SuiteService service, Path repositoryRoot, int httpPort, Map<String, String> environment,
            Path logFile) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(JavaExecutable.path());
        String override = System.getenv("SUITE_SERVICE_JAVA_OPTS");
        command.addAll(override == null || override.isBlank() ? JVM_OPTIONS : List.of(override.trim().split("\\s+")));
        command.add("-jar");
        command.add(service.jar(repositoryRoot).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repositoryRoot.resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        // two glibc malloc arenas instead of eight per core: about 20 MB less resident per service
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        Instant startedAt = Instant.now();
        return new ServiceProcess(service, httpPort, logFile, builder.start(), startedAt);
    }

    public SuiteService service() {
        return service;
    }

    public int httpPort() {
        return httpPort;
    }

    /** For example {@code http://localhost:8081}. */
    public String url() {
        return "http://localhost:" + httpPort;
    }

    public Path logFile() {
        return logFile;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only once the process has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Completes when the process exits, for whatever reason. */
    public CompletableFuture<ServiceProcess> onExit() {
        return process.onExit().thenApply(exited -> this);
    }

    /** The last lines of the service's log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Whether {@code /q/health/ready} answers 200, i.e. the database and Kafka checks pass. */
    boolean isReady(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(READY_REQUEST_TIMEOUT)
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

    /** Asks the service to shut down gracefully (SIGTERM); {@link #awaitExit} waits for it. */
    void requestStop() {
        process.destroy();
    }

    /** Whether the process exited within {@code timeout}. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends the process at once and waits briefly for it. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + service.module() + ", " + url() + ", pid " + process.pid() + "]";
    }
}
