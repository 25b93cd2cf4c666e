package dev.oneonone.agenda.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes every stored event to Kafka, oldest first, and marks it published once Kafka
 * acknowledged it. Progress lives in the event table itself (published_at), so a restart resumes
 * where it stopped, and an event whose transaction committed late (out of position order) is
 * still picked up: the relay looks for unpublished rows, not for positions after a high-water mark.
 * Per-aggregate order holds because a stream's next version can only commit after the previous one.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: one relay at a time per database, however many instances run. */
    private static final long RELAY_LOCK = 0x6167656e64614f42L;
    static final String SOURCE = "/agenda-service";

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final Counter published;
    private final Counter failures;
    private final Duration interval;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "agenda-outbox-relay"));

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer,
            @ConfigProperty(name = "agenda.relay.batch-size") int batchSize,
            @ConfigProperty(name = "agenda.relay.interval") Duration interval, MeterRegistry metrics) {
        this.interval = interval;
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
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
            while (publishBatch() == batchSize) {
                // a full batch means more may be waiting
            }
        } catch (SQLException | RuntimeException e) {
            // the next round retries; nothing was marked published
            LOG.warnf("Outbox relay round failed: %s", e.getMessage());
        }
    }

    /** Publishes up to one batch; returns how many events were published. */
    int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<EventEnvelope> batch = unpublished(connection);
                List<UUID> acknowledged = send(batch);
                markPublished(connection, acknowledged);
                connection.commit();
                published.increment(acknowledged.size());
                return acknowledged.size() == batch.size() ? batch.size() : 0;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<UUID> send(List<EventEnvelope> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (EventEnvelope event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AGENDA,
                    event.aggregateId().toString(), event.data());
            CloudEventHeaders.write(event, record.headers());
            Future<RecordMetadata> sent = producer.send(record);
            sends.add(sent);
            if (sent.isDone() && failed(sent)) {
                break; // Kafka is unreachable (no metadata): stop here, the rest waits for the next round
            }
        }
        producer.flush();
        List<UUID> acknowledged = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            if (failed(sends.get(i))) {
                failures.increment();
                break; // keep the acknowledged prefix only, so one stream is never published out of order
            }
            acknowledged.add(batch.get(i).id());
        }
        return acknowledged;
    }

    private static boolean failed(Future<RecordMetadata> sent) {
        try {
            sent.get();
            return false;
        } catch (ExecutionException e) {
            LOG.debugf("Kafka did not take an event: %s", e.getCause().getMessage());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<EventEnvelope> unpublished(Connection connection) throws SQLException {
        String sql = """
                select event_id, event_type, organisation_id, stream_type, stream_id, version,
                       occurred_at, recorded_at, payload::text
                from event where published_at is null order by position limit ?""";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, batchSize);
            try (ResultSet rs = query.executeQuery()) {
                List<EventEnvelope> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new EventEnvelope(rs.getObject(1, UUID.class), rs.getString(2), SOURCE,
                            rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getLong(6),
                            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
                return events;
            }
        }
    }

    private static void markPublished(Connection connection, List<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection
                .prepareStatement("update event set published_at = now() where event_id = any(?)")) {
            update.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            update.executeUpdate();
        }
    }
}
