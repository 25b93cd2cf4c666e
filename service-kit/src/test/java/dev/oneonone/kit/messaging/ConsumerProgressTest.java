package dev.oneonone.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

class ConsumerProgressTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void projection_lag_is_known_right_after_a_start_while_the_first_event_is_retried() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ConsumerProgress progress = new ConsumerProgress(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(15),
                metrics, Clock.fixed(NOW, ZoneOffset.UTC));
        CountDownLatch failedTwice = new CountDownLatch(2);
        // a consumer just started: the first event it receives was recorded 90 s ago and cannot be applied yet
        Cancellable retrying = progress.applyUntilDone("meetings-events", NOW.minusSeconds(90), () -> {
            failedTwice.countDown();
            return Uni.createFrom().failure(new IllegalStateException("PostgreSQL away"));
        }).subscribe().with(ignored -> { }, ignored -> { });
        try {
            failedTwice.await(5, TimeUnit.SECONDS);
            assertEquals(90.0, lag(metrics), "counted from the event in hand, not NaN");
            assertNotNull(progress.consumers().get("meetings-events").retryingSince());
        } finally {
            retrying.cancel();
        }

        // once an event is applied, the lag counts from the last applied one
        progress.applyUntilDone("meetings-events", NOW.minusSeconds(5), () -> Uni.createFrom().voidItem())
                .await().atMost(Duration.ofSeconds(5));
        assertEquals(5.0, lag(metrics));
    }

    @Test
    void an_attempt_that_never_ends_is_given_up_and_retried() {
        ConsumerProgress progress = new ConsumerProgress(Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(200), new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        // the first attempt hangs for good (a query on a connection closed under it); the second one succeeds
        progress.applyUntilDone("meetings-events", NOW, () -> attempts.incrementAndGet() == 1
                ? Uni.createFrom().nothing() : Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(10));
        assertEquals(2, attempts.get());
        assertEquals(null, progress.consumers().get("meetings-events").retryingSince(), "no longer retrying");
    }

    private static double lag(SimpleMeterRegistry metrics) {
        return metrics.get("projection.lag.seconds").tag("consumer", "meetings-events").gauge().value();
    }
}
