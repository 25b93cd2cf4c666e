package dev.oneonone.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes the service's event store to its Kafka topic: runs an {@link OutboxPublisher} on its own
 * thread (the scheduler extension does not run jobs more often than once a second) every
 * {@code suite.outbox.interval}, up to {@code suite.outbox.batch-size} events a batch, to the topic
 * {@code suite.outbox.topic}, with the CloudEvents source {@code /<quarkus.application.name>}, and counts
 * what it published ({@code outbox.events.published}, {@code outbox.publish.failures}). Every
 * {@code suite.outbox.backlog-interval} (5 s) it measures its {@link OutboxBacklog}: gauges
 * {@code outbox_backlog_events} (stored, not yet acknowledged by Kafka) and
 * {@code outbox_oldest_unpublished_age_seconds} (0 when none waits), both as of the last successful measurement,
 * {@code outbox_backlog_measured_age_seconds} (how long ago that was: it grows while PostgreSQL is away), and the
 * wellness check {@link OutboxHealth}.
 * Safe with several instances: an advisory lock lets one publish at a time ({@link OutboxPublisher}).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    private final RelayLoop loop;
    private final OutboxBacklog backlog;
    private final Duration backlogInterval;
    private final ScheduledExecutorService measurements = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "outbox-backlog"));

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "suite.outbox.topic") String topic,
            @ConfigProperty(name = "suite.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "suite.outbox.interval", defaultValue = "200ms") Duration interval,
            @ConfigProperty(name = "suite.outbox.backlog-interval", defaultValue = "5s") Duration backlogInterval,
            MeterRegistry metrics, Clock clock) {
        this.backlog = new OutboxBacklog(dataSource, clock);
        this.backlogInterval = backlogInterval;
        Gauge.builder("outbox.backlog.events", backlog, OutboxBacklog::unpublished)
                .description("Stored events not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("outbox.oldest.unpublished.age.seconds", backlog, OutboxBacklog::oldestAgeSeconds)
                .description("Now minus the recorded time of the oldest unpublished event, in seconds").register(metrics);
        Gauge.builder("outbox.backlog.measured.age.seconds", backlog, OutboxBacklog::measuredAgeSeconds)
                .description("Seconds since the backlog was last measured; the two gauges above are that old")
                .register(metrics);
        Counter published = metrics.counter("outbox.events.published");
        Counter failures = metrics.counter("outbox.publish.failures");
        this.loop = new RelayLoop(new OutboxPublisher(dataSource, producer, topic, "/" + service, lockKey(topic), batchSize),
                batchSize, interval, service + "-outbox-relay", published::increment, failures::increment);
    }

    /** Advisory lock key: one relay at a time per topic, however many instances run on however many databases. */
    static long lockKey(String topic) {
        return UUID.nameUUIDFromBytes(("outbox " + topic).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    void start(@Observes StartupEvent startup) {
        loop.start();
        measurements.scheduleWithFixedDelay(this::measureBacklog, 0, backlogInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.close();
        measurements.shutdown();
    }

    /** Measures the backlog now (what the measuring thread does every interval; tests use it not to wait). */
    public void measureBacklog() {
        try {
            backlog.measure();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Outbox backlog not measured: {0}", e.getMessage());
        }
    }

    /** The last measured backlog. */
    public OutboxBacklog backlog() {
        return backlog;
    }

    /** One round now: what the relay thread does every interval (tests use it not to wait). */
    public void relay() {
        loop.round();
    }
}
