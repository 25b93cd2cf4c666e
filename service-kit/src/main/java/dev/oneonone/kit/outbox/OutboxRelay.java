package dev.oneonone.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
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
 * what it published ({@code outbox.events.published}, {@code outbox.publish.failures}).
 */
@ApplicationScoped
public class OutboxRelay {
    private final RelayLoop loop;

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "suite.outbox.topic") String topic,
            @ConfigProperty(name = "suite.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "suite.outbox.interval", defaultValue = "200ms") Duration interval,
            MeterRegistry metrics) {
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
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.close();
    }

    /** One round now: what the relay thread does every interval (tests use it not to wait). */
    public void relay() {
        loop.round();
    }
}
