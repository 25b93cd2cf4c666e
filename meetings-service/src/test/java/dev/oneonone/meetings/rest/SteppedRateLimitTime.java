package dev.oneonone.meetings.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The rate limits' time in {@link RateLimitsTest}: it moves only when the test moves it, so refills are tested
 * without waiting. An alternative, enabled by that test's profile only.
 */
@Alternative
@Singleton
public class SteppedRateLimitTime implements TimeMeter {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
