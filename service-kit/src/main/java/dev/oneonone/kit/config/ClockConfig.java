package dev.oneonone.kit.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock, one bean so that time-dependent rules can be tested with a fixed clock. It ticks in
 * microseconds, the precision PostgreSQL stores a {@code timestamptz} with: an instant a service makes (an agreement's
 * {@code madeAt}) answers the same value when it is made and when it is read back, under the same ETag.
 */
public class ClockConfig {
    /** PostgreSQL's precision for timestamps. */
    public static final Duration TICK = Duration.ofNanos(1_000);

    @Produces
    @Singleton
    Clock clock() {
        return clock(Clock.systemUTC());
    }

    /** The clock truncated to {@link #TICK}. */
    public static Clock clock(Clock base) {
        return Clock.tick(base, TICK);
    }
}
