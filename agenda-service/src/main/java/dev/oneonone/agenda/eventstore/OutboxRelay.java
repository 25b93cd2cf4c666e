package dev.oneonone.agenda.eventstore;

import java.time.Duration;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.oneonone.events.Topics;
import dev.oneonone.events.outbox.OutboxPublisher;
import dev.oneonone.events.outbox.RelayLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs the outbox publisher of event-contract for this service's event store on its own thread (the
 * scheduler extension does not run jobs more often than once a second), every
 * {@code agenda.relay.interval}, and counts what it published.
 */
@ApplicationScoped
public class OutboxRelay {
    /** Advisory lock key: one relay at a time per database, however many instances run. */
    private static final long RELAY_LOCK = 0x6167656e64614f42L;
    static final String SOURCE = "/agenda-service";

    private final RelayLoop loop;

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer,
            @ConfigProperty(name = "agenda.relay.batch-size") int batchSize,
            @ConfigProperty(name = "agenda.relay.interval") Duration interval, MeterRegistry metrics) {
        Counter published = metrics.counter("outbox.events.published");
        Counter failures = metrics.counter("outbox.publish.failures");
        this.loop = new RelayLoop(new OutboxPublisher(dataSource, producer, Topics.AGENDA, SOURCE, RELAY_LOCK, batchSize),
                batchSize, interval, "agenda-outbox-relay", published::increment, failures::increment);
    }

    void start(@Observes StartupEvent startup) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.close();
    }

    /** One round now: what the relay thread does every interval. */
    void relay() {
        loop.round();
    }
}
