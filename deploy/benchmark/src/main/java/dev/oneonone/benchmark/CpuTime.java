package dev.oneonone.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where a phase's CPU time went, per part of the suite on this machine: each service, PostgreSQL (the server and its
 * backends), Kafka (when the benchmark started it) and the benchmark itself (its clients). Divided by the commands
 * the phase accepted, it says what a command costs the whole suite and so the most a machine's cores can take
 * ({@code cores × 1000 / ms per command} per second), which is what limits the command rows. Linux only: a part not
 * found on this machine is left out.
 */
final class CpuTime {
    private static final String CLIENTS = "benchmark clients";
    private final Map<String, Long> parts = new LinkedHashMap<>();
    private final long postgresServer;

    /** The processes of the suite, found by their ports. */
    CpuTime(SuiteTarget suite) {
        service("meetings", suite.meetingsUrl());
        service("agenda", suite.agendaUrl());
        service("insights", suite.insightsUrl());
        OptionalLong postgres = LocalProcesses.listeningOn(suite.postgres().port());
        postgresServer = postgres.orElse(-1);
        OptionalInt kafka = suite.kafkaPort();
        if (kafka.isPresent()) {
            LocalProcesses.listeningOn(kafka.getAsInt()).ifPresent(pid -> parts.put("Kafka", pid));
        }
        parts.put(CLIENTS, ProcessHandle.current().pid());
    }

    private void service(String name, String url) {
        LocalProcesses.listeningOn(URI.create(url).getPort()).ifPresent(pid -> parts.put(name, pid));
    }

    /** CPU ticks used so far by each part. */
    Map<String, Long> sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        parts.forEach((name, pid) -> ticks.put(name, LocalProcesses.cpuTicks(pid)));
        if (postgresServer > 0) {
            // the server's own time and its ended backends', plus each running backend's
            long postgres = LocalProcesses.cpuTicks(postgresServer);
            for (long backend : LocalProcesses.children(postgresServer)) {
                postgres += LocalProcesses.cpuTicks(backend);
            }
            ticks.put("PostgreSQL", postgres);
        }
        return ticks;
    }

    /** A sample of the CPU ticks used so far, and how long the suite took to become quiet before it. */
    record Settled(Map<String, Long> ticks, double seconds) {
    }

    /**
     * A sample taken once the suite has gone quiet after a phase: agenda-service and insights-service apply the
     * phase's events after its last command (they lag under a closed loop), so a sample at the phase's end leaves
     * their share out. Quiet = two 1 s windows in a row in which every part but the benchmark's own used under a tenth
     * of a core in all; at most {@code limit} of waiting.
     */
    Settled settled(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Long> last = sample();
        int quietWindows = 0;
        while (quietWindows < 2 && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(1000);
            Map<String, Long> now = sample();
            long used = 0;
            for (Map.Entry<String, Long> part : now.entrySet()) {
                if (!part.getKey().equals(CLIENTS)) {
                    used += part.getValue() - last.getOrDefault(part.getKey(), 0L);
                }
            }
            quietWindows = used < LocalProcesses.TICKS_PER_SECOND / 10 ? quietWindows + 1 : 0;
            last = now;
        }
        return new Settled(last, (System.nanoTime() - start) / 1e9);
    }

    /** Whether Kafka's process is among the parts (only when the benchmark started it). */
    boolean measuresKafka() {
        return parts.containsKey("Kafka");
    }

    /**
     * Milliseconds of CPU per command between two samples, per part, then in all, e.g. {@code "meetings 6.1,
     * agenda 3.8, ... ms; 16.2 ms in all: 2 cores take at most 123 per s"}.
     */
    static String perCommand(Map<String, Long> before, Map<String, Long> after, long commands) {
        if (commands == 0 || after.isEmpty()) {
            return "?";
        }
        StringBuilder text = new StringBuilder();
        double all = 0;
        for (Map.Entry<String, Long> part : after.entrySet()) {
            double ms = (part.getValue() - before.getOrDefault(part.getKey(), 0L)) * 1000.0
                    / LocalProcesses.TICKS_PER_SECOND / commands;
            all += ms;
            text.append(text.isEmpty() ? "" : ", ").append(part.getKey()).append(String.format(" %.1f", ms));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("%s ms; %.1f ms in all: %d cores take at most %.0f per s", text, all, cores,
                cores * 1000 / all);
    }
}
