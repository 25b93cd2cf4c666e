package dev.oneonone.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** The services' clock ticks in microseconds, as PostgreSQL stores instants: what a 201 answers is what a read answers. */
class ClockConfigTest {

    @Test
    void instants_are_truncated_to_microseconds() {
        Instant withNanos = Instant.parse("2026-11-30T03:40:12.123456789Z");
        Instant now = ClockConfig.clock(Clock.fixed(withNanos, ZoneOffset.UTC)).instant();
        assertEquals(Instant.parse("2026-11-30T03:40:12.123456Z"), now);
        Instant live = new ClockConfig().clock().instant();
        assertEquals(live.truncatedTo(ChronoUnit.MICROS), live);
    }
}
