package dev.oneonone.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds, thread-safe to add to; percentiles by the nearest-rank method. */
final class Stats {
    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void add(double value) {
        millis.add(value);
    }

    void addNanos(long nanos) {
        millis.add(nanos / 1e6);
    }

    int count() {
        return millis.size();
    }

    double p(double percentile) {
        List<Double> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
