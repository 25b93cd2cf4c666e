package dev.oneonone.insights.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.oneonone.events.Topics;
import dev.oneonone.events.outbox.OutboxPublisher;
import dev.oneonone.events.outbox.OutboxPublisher.Round;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs the outbox publisher of event-contract for this service's outbox (SeriesHealthChanged) on its own thread,
 * every {@code insights.relay.interval}, and counts what it published.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: one relay at a time per database, however many instances run. */
    private static final long RELAY_LOCK = 0x696e7369676874L;
    static final String SOURCE = "/insights-service";

    private final OutboxPublisher publisher;
    private final int batchSize;
    private final Duration interval;
    private final Counter published;
    private final Counter failures;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "insights-outbox-relay"));

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer,
            @ConfigProperty(name = "insights.relay.batch-size") int batchSize,
            @ConfigProperty(name = "insights.relay.interval") Duration interval, MeterRegistry metrics) {
        this.publisher = new OutboxPublisher(dataSource, producer, Topics.INSIGHTS, SOURCE, RELAY_LOCK, batchSize);
        this.batchSize = batchSize;
        this.interval = interval;
        this.published = metrics.counter("outbox.events.published");
        this.failures = metrics.counter("outbox.publish.failures");
    }

    void start(@Observes StartupEvent startup) {
        // a dedicated thread: the scheduler extension does not run jobs more often than once a second
        rounds.scheduleWithFixedDelay(this::relay, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        rounds.shutdown();
    }

    void relay() {
        try {
            Round round;
            do {
                round = publisher.publishBatch();
                published.increment(round.published());
                if (round.interrupted()) {
                    failures.increment();
                }
            } while (round.full(batchSize));
        } catch (SQLException | RuntimeException e) {
            // the next round retries; nothing was marked published
            LOG.warnf("Outbox relay round failed: %s", e.getMessage());
        }
    }
}
