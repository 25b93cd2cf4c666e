package dev.oneonone.insights.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Keeps computed values (an organisation's snapshot of a date, its directory history) while what they
 * were computed from stands still (their stamp: the version of the kept figures, the directory's revision)
 * and for at most a time to live; concurrent requests for the same key share
 * one computation. The least recently used entries go first when it is full.
 */
final class SnapshotCache<K, V> {
    private record Entry<V>(Object stamp, Instant storedAt, Uni<V> value) {
    }

    private final Map<K, Entry<V>> entries;
    private final Duration timeToLive;
    private final Clock clock;

    SnapshotCache(int capacity, Duration timeToLive, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for the key computed from what the stamp identifies, computing it when needed. */
    synchronized Uni<V> get(K key, Object stamp, Supplier<Uni<V>> compute) {
        Instant now = clock.instant();
        // expired entries go at once, not when the cache is full: an organisation's snapshots (its directory of a
        // day and every group's figures) are large, and those of past days would otherwise stay until 64 others came
        entries.values().removeIf(old -> !old.storedAt().plus(timeToLive).isAfter(now));
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.stamp().equals(stamp)
                && entry.storedAt().plus(timeToLive).isAfter(now)) {
            return entry.value();
        }
        Uni<V> value = Uni.createFrom().<V>deferred(compute::get).memoize().indefinitely();
        Entry<V> stored = new Entry<>(stamp, now, value);
        entries.put(key, stored);
        return value.onFailure().invoke(() -> forget(key, stored));
    }

    /** Forgets every entry. */
    synchronized void clear() {
        entries.clear();
    }

    private synchronized void forget(K key, Entry<V> failed) {
        entries.remove(key, failed);
    }
}
