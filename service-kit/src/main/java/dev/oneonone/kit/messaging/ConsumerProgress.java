package dev.oneonone.kit.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies a consumed event until it is applied: a consumer never gives up on a failure (PostgreSQL away,
 * a concurrent write, a lock timeout), it tries the whole transaction again after a back-off that starts at
 * {@code suite.consumer.retry.initial-backoff} (200 ms) and doubles up to {@code suite.consumer.retry.max-backoff}
 * (2 s), so it resumes within that cap of the database returning. Meanwhile its partition waits (records
 * keep their order) and the consumer says it is behind, not dead: in the wellness check
 * ({@link ConsumersHealth}, {@code /q/health/well}) and in metrics, tagged {@code consumer=<channel>}:
 * <ul>
 * <li>{@code consumer_retrying} 1 while an event is being retried, else 0;</li>
 * <li>{@code consumer_retrying_seconds} how long the current event has been failing (0 when none);</li>
 * <li>{@code consumer_apply_failures_total} failed attempts;</li>
 * <li>{@code consumer_events_applied_total} events applied (a redelivery that changed nothing included);</li>
 * <li>{@code projection_lag_seconds} now minus the recorded time of the last event applied (it grows while
 * no event arrives too; read it with {@link ConsumerLag}'s {@code consumer_lag_records} per partition). After a
 * start, until the first event is applied, it counts from the recorded time of the event in hand (the one being
 * retried), so a consumer stuck right after a restart shows its lag; the gauge appears with the first event
 * received.</li>
 * </ul>
 * A failure that is not transient (a bug) holds its partition the same way and is just as visible: nothing is
 * skipped. The retried attempt runs again on the caller's Vert.x context, so a Hibernate Reactive session works
 * in every attempt.
 */
@ApplicationScoped
public class ConsumerProgress {
    private static final Logger LOG = Logger.getLogger(ConsumerProgress.class);
    /** Log the first failure of an event, then every this many. */
    private static final int LOG_EVERY = 10;

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration attemptTimeout;
    private final MeterRegistry metrics;
    private final java.time.Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public ConsumerProgress(
            @ConfigProperty(name = "suite.consumer.retry.initial-backoff", defaultValue = "200ms") Duration initialBackoff,
            @ConfigProperty(name = "suite.consumer.retry.max-backoff", defaultValue = "2s") Duration maxBackoff,
            @ConfigProperty(name = "suite.consumer.attempt-timeout", defaultValue = "15s") Duration attemptTimeout,
            MeterRegistry metrics, java.time.Clock clock) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.attemptTimeout = attemptTimeout;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Runs {@code attempt} (one whole transaction, built afresh each time) until it succeeds. An attempt without an
     * outcome after {@code suite.consumer.attempt-timeout} (15 s) counts as failed and is retried: the reactive
     * PostgreSQL client does not fail a query in flight when its connection is closed under it (a frozen
     * PostgreSQL, kit {@code DatabaseTimeouts}), which would otherwise hold the consumer for good. Should the
     * abandoned attempt still commit later, the retry's {@link ProcessedEvents} record makes one of them a no-op.
     *
     * @param consumer   the consumer's name, its channel (e.g. {@code meetings-events})
     * @param recordedAt when the event was stored by its producer, for {@code projection_lag_seconds}
     * @param attempt    builds the applying transaction; called once per attempt
     */
    public Uni<Void> applyUntilDone(String consumer, Instant recordedAt, Supplier<Uni<? extends Void>> attempt) {
        State state = state(consumer);
        Context context = Vertx.currentContext();
        AtomicInteger failures = new AtomicInteger();
        state.received(recordedAt);
        return Uni.createFrom().<Void>deferred(attempt)
                .ifNoItem().after(attemptTimeout).fail()
                .onFailure().invoke(failure -> state.failed(consumer, failure, failures.incrementAndGet()))
                .onFailure().retry().when(errors -> errors.onItem()
                        .transformToUniAndConcatenate(failure -> pause(context, backoff(failures.get()))))
                .invoke(() -> state.applied(consumer, recordedAt, failures.get()));
    }

    /** Each consumer's state, by name, for the health check. */
    public Map<String, State> consumers() {
        return Map.copyOf(states);
    }

    /** Back-off before attempt {@code failures + 1}: initial, doubled each time, at most the cap. */
    Duration backoff(int failures) {
        long millis = initialBackoff.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Completes after the delay on the caller's Vert.x context (where the next attempt must run). */
    private static Uni<Integer> pause(Context context, Duration delay) {
        if (context == null) {
            return Uni.createFrom().item(0).onItem().delayIt().by(delay);
        }
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, delay.toMillis()),
                timer -> context.runOnContext(ignored -> emitter.complete(0))));
    }

    private State state(String consumer) {
        return states.computeIfAbsent(consumer, name -> {
            State state = new State(clock);
            Tags tags = Tags.of("consumer", name);
            Gauge.builder("consumer.retrying", state, s -> s.retryingSince() == null ? 0 : 1).tags(tags)
                    .description("1 while the consumer retries an event it could not apply yet").register(metrics);
            Gauge.builder("consumer.retrying.seconds", state, State::retryingSeconds).tags(tags)
                    .description("How long the event being retried has been failing, in seconds").register(metrics);
            Gauge.builder("projection.lag.seconds", state, State::lagSeconds).tags(tags)
                    .description("Now minus the recorded time of the last event applied, in seconds").register(metrics);
            state.failuresCounter = Counter.builder("consumer.apply.failures").tags(tags)
                    .description("Failed attempts to apply an event (each is retried)").register(metrics);
            state.appliedCounter = Counter.builder("consumer.events.applied").tags(tags)
                    .description("Events applied, redeliveries that changed nothing included").register(metrics);
            return state;
        });
    }

    /** One consumer's progress: whether it is retrying, since when, and the last event it applied. */
    public static final class State {
        private final java.time.Clock clock;
        private volatile Instant retryingSince;
        private volatile int attempts;
        private volatile String lastError;
        private volatile Instant lastAppliedRecordedAt;
        private volatile Instant firstReceivedRecordedAt;
        private Counter failuresCounter;
        private Counter appliedCounter;

        State(java.time.Clock clock) {
            this.clock = clock;
        }

        /** When the event being retried first failed; null when the consumer is not retrying. */
        public Instant retryingSince() {
            return retryingSince;
        }

        /** Failed attempts of the event being retried. */
        public int attempts() {
            return attempts;
        }

        /** The last failure's message, or null. */
        public String lastError() {
            return lastError;
        }

        /** The recorded time of the last event applied, or null before the first. */
        public Instant lastAppliedRecordedAt() {
            return lastAppliedRecordedAt;
        }

        double retryingSeconds() {
            Instant since = retryingSince;
            return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
        }

        /** Now minus the last applied event's recorded time; before the first, the first received event's. */
        double lagSeconds() {
            Instant last = lastAppliedRecordedAt;
            if (last == null) {
                last = firstReceivedRecordedAt;
            }
            return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
        }

        void received(Instant recordedAt) {
            if (firstReceivedRecordedAt == null && recordedAt != null) {
                firstReceivedRecordedAt = recordedAt;
            }
        }

        void failed(String consumer, Throwable failure, int failures) {
            if (retryingSince == null) {
                retryingSince = clock.instant();
            }
            attempts = failures;
            lastError = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            failuresCounter.increment();
            if (failures == 1 || failures % LOG_EVERY == 0) {
                LOG.warnf("Consumer %s could not apply an event (attempt %d), retrying: %s", consumer, failures, lastError);
            }
        }

        void applied(String consumer, Instant recordedAt, int failures) {
            if (failures > 0) {
                LOG.infof("Consumer %s applied the event after %d failed attempts; it goes on", consumer, failures);
            }
            retryingSince = null;
            attempts = 0;
            if (recordedAt != null) {
                lastAppliedRecordedAt = recordedAt;
            }
            appliedCounter.increment();
        }
    }
}
