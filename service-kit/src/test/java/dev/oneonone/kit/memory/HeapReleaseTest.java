package dev.oneonone.kit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

class HeapReleaseTest {
    private final AtomicLong collections = new AtomicLong(7);
    private final HeapRelease.IdleCollections idle = new HeapRelease.IdleCollections(collections::get);

    @Test
    void aLookWithNoCollectionSinceTheLastIsIdle() {
        assertTrue(idle.idleSinceLastLook());
    }

    @Test
    void aCollectionBetweenTwoLooksIsNotIdle() {
        collections.incrementAndGet();
        assertFalse(idle.idleSinceLastLook());
        assertTrue(idle.idleSinceLastLook(), "the next look without a collection is idle again");
    }

    @Test
    void afterOurReleaseAnIdleServiceIsNotReleasedAgain() {
        collections.addAndGet(2); // a release's full collection may count in more than one collector
        idle.collectedByUs();
        assertFalse(idle.idleSinceLastLook());
        assertFalse(idle.idleSinceLastLook());
    }

    @Test
    void aCollectionOfTheServiceAfterOurReleaseArmsItAgain() {
        idle.collectedByUs();
        collections.incrementAndGet();
        assertFalse(idle.idleSinceLastLook(), "busy since the last look");
        assertTrue(idle.idleSinceLastLook(), "then quiet for a whole interval");
    }

    @Test
    void itIsOffInAJvmWithAnotherCollectorOrALargeHeap() {
        // the tests' JVM: the default collector (G1 on this machine) and a heap of a quarter of the memory
        assertFalse(HeapRelease.applies());
        long before = HeapRelease.collections();
        new HeapRelease(null).release();
        assertEquals(before, HeapRelease.collections(), "no collection where the release does not apply");
    }

    @Test
    void theCollectorsOfThisJvmAreCounted() {
        long before = HeapRelease.collections();
        System.gc();
        assertTrue(HeapRelease.collections() > before, "a full collection counts");
    }

    @Test
    void aReleaseCollectsAndLeavesTheFreeRatiosAsTheyWere() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
        String minFree = vm.getVMOption("MinHeapFreeRatio").getValue();
        long before = HeapRelease.collections();
        new HeapRelease(null).collect();
        assertTrue(HeapRelease.collections() > before);
        assertEquals(maxFree, vm.getVMOption("MaxHeapFreeRatio").getValue());
        assertEquals(minFree, vm.getVMOption("MinHeapFreeRatio").getValue());
    }
}
