package dev.oneonone.kit.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import com.sun.management.HotSpotDiagnosticMXBean;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Hands heap the service no longer uses back to the operating system once it has gone quiet. The serial collector
 * the services run with (deploy/README.md) grows the heap under load and shrinks it only in a full collection, which a
 * quiet service never has, so the heap of its busiest minute stayed resident for good; this does for it what
 * {@code G1PeriodicGCInterval} does for G1. Every {@code suite.memory.release-when-idle-for} (15 s; {@code 0s} turns
 * it off) it looks at the collectors' counts: when no collection ran since the last look (the service allocated less
 * than its young generation in a whole interval: all but idle) and the heap is above its initial size, it runs one
 * full collection with {@code MinHeapFreeRatio} and {@code MaxHeapFreeRatio} lowered to
 * {@code suite.memory.release-free-ratio} (10 %) for it alone, so that the old generation shrinks to its live objects
 * plus that share, and the young generation (a fixed part of the old, {@code NewRatio}) with it. Then it waits for a
 * collection of the service's own before it releases again. A service calls {@link #release()} itself at the end of a
 * burst it knows of (insights-service at the end of a replay). Needs {@code -XX:-ShrinkHeapInSteps}: with it on, the
 * first full collections after a busy time shrink by 0, 10 and 40 % of the excess only.
 *
 * <p>Only with the serial collector and a heap of at most {@value #LARGEST_HEAP_MB} MB (the services' flags): there a
 * full collection stops the service for a tenth of a second or so. Any other JVM (G1 has its own periodic collection;
 * the tests' JVMs have a heap of a quarter of the machine, where "no collection for 15 s" says nothing about being
 * idle, and a full collection there stopped the event loops for seconds) leaves it off, which start-up logs.
 */
@ApplicationScoped
public class HeapRelease {
    private static final Logger LOG = Logger.getLogger(HeapRelease.class);
    /** The largest heap (-Xmx) this runs for, in MB: the services run with 192. */
    static final long LARGEST_HEAP_MB = 1024;

    private final Config config;
    private final int releaseFreeRatio;
    private final IdleCollections idle = new IdleCollections(HeapRelease::collections);
    private ScheduledExecutorService timer;

    public HeapRelease(Config config) {
        this.config = config;
        this.releaseFreeRatio = config == null ? 10
                : config.getOptionalValue("suite.memory.release-free-ratio", Integer.class).orElse(10);
    }

    void start(@Observes StartupEvent started) {
        if (!applies()) {
            LOG.infof("Heap release off: it serves the serial collector with a heap of at most %d MB", LARGEST_HEAP_MB);
            return;
        }
        Duration every = config.getOptionalValue("suite.memory.release-when-idle-for", Duration.class)
                .orElse(Duration.ofSeconds(15));
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heap-release");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::releaseIfIdle, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void releaseIfIdle() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        // at or under -Xms there is nothing to give back: the heap never shrinks below it
        if (idle.idleSinceLastLook() && heap.getCommitted() > heap.getInit()) {
            release();
        }
    }

    /**
     * One full collection that shrinks the heap to its live objects plus {@code suite.memory.release-free-ratio} per
     * cent free (10), and gives the rest back to the operating system; about a tenth of a second per 50 MB live, all
     * threads stopped. The free ratios are the JVM's own again afterwards, so the heap grows under load as before.
     * Never throws: a JVM that refuses the ratios (another collector's limits) is logged and left as it is.
     */
    public void release() {
        if (applies()) {
            collect();
        }
    }

    /** Whether this JVM runs the serial collector with a small heap: the JVMs this is for (above). */
    static boolean applies() {
        boolean serial = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(collector -> collector.getName().equals("MarkSweepCompact"));
        return serial && Runtime.getRuntime().maxMemory() <= LARGEST_HEAP_MB * 1024 * 1024;
    }

    /** The release's collection, whatever the collector (see {@link #release()}). */
    synchronized void collect() {
        try {
            collectShrinking();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Heap not released: %s", e.getMessage());
        }
    }

    private void collectShrinking() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
        String minFree = vm.getVMOption("MinHeapFreeRatio").getValue();
        int target = Math.min(Integer.parseInt(minFree), releaseFreeRatio);
        long before = committedHeap();
        // lowered minimum first and raised maximum first again: the JVM refuses a minimum above the maximum
        try {
            vm.setVMOption("MinHeapFreeRatio", Integer.toString(target));
            vm.setVMOption("MaxHeapFreeRatio", Integer.toString(target));
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", maxFree);
            vm.setVMOption("MinHeapFreeRatio", minFree);
        }
        idle.collectedByUs();
        LOG.debugf("Heap released: %d MB committed before, %d MB after", before >> 20, committedHeap() >> 20);
    }

    private static long committedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    /** Collections of all the JVM's collectors since it started. */
    static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    /**
     * Whether the service was idle between two looks: no collection ran in between, and the last collection was not
     * a release of ours (a service idle for an hour is released once, not every interval).
     */
    static final class IdleCollections {
        private final LongSupplier collections;
        private long lastLook;
        private long afterOurRelease = -1;

        IdleCollections(LongSupplier collections) {
            this.collections = collections;
            this.lastLook = collections.getAsLong();
        }

        /** True when no collection ran since the last look and none ran since ours; the look counts as the last. */
        boolean idleSinceLastLook() {
            long now = collections.getAsLong();
            boolean idle = now == lastLook && now != afterOurRelease;
            lastLook = now;
            return idle;
        }

        /** A release of ours just ran: the collections up to now are ours. */
        void collectedByUs() {
            afterOurRelease = collections.getAsLong();
            lastLook = afterOurRelease;
        }
    }
}
