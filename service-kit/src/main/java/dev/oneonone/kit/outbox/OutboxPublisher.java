package dev.oneonone.kit.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;

/**
 * Publishes a write service's stored events to its Kafka topic exactly as stored, as CloudEvents,
 * oldest first, and marks each published once Kafka acknowledged it. Every write service's event
 * table has the same shape (position, event_id, organisation_id, stream_type, stream_id, version,
 * event_type, occurred_at, recorded_at, payload, published_at), so this is the one way stored
 * events become the contract's records.
 *
 * <p>Progress lives in the event table itself (published_at): a restart resumes where it stopped, and
 * an event whose transaction committed late (out of position order) is still picked up, because it
 * looks for unpublished rows, not for positions after a high-water mark. Per-aggregate order holds
 * because a stream's next version can only commit after the previous one. A PostgreSQL advisory lock
 * lets one instance publish at a time.
 */
public final class OutboxPublisher {
    private static final System.Logger LOG = System.getLogger(OutboxPublisher.class.getName());

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final String topic;
    private final String source;
    private final long lockKey;
    private final int batchSize;

    /** What one round did: how many unpublished events it found and how many Kafka acknowledged. */
    public record Round(int found, int published) {
        /** Kafka refused or timed out on one; the rest waits for the next round. */
        public boolean interrupted() {
            return published < found;
        }

        /** A full batch went out: more may be waiting. */
        public boolean full(int batchSize) {
            return found == batchSize && published == found;
        }
    }

    /**
     * @param source  the CloudEvents source, e.g. {@code /meetings-service}
     * @param lockKey the advisory lock key: distinct per service sharing a PostgreSQL server
     */
    public OutboxPublisher(DataSource dataSource, Producer<String, String> producer, String topic, String source,
            long lockKey, int batchSize) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.topic = topic;
        this.source = source;
        this.lockKey = lockKey;
        this.batchSize = batchSize;
    }

    /**
     * The producer settings the guarantees need: idempotent, acks from all replicas, and failing fast
     * when the broker is away so the rows wait for the next round. Starts from the service's own
     * kafka settings (bootstrap servers, TLS, SASL).
     */
    public static Map<String, Object> producerConfig(Map<String, Object> kafka, String clientId) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    /** Publishes up to one batch. */
    public Round publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return new Round(0, 0);
                }
                List<EventEnvelope> batch = unpublished(connection);
                List<UUID> acknowledged = send(batch);
                markPublished(connection, acknowledged);
                connection.commit();
                return new Round(batch.size(), acknowledged.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<UUID> send(List<EventEnvelope> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (EventEnvelope event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic,
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
            LOG.log(System.Logger.Level.DEBUG, "Kafka did not take an event: {0}", e.getCause().getMessage());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
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
                    events.add(new EventEnvelope(rs.getObject(1, UUID.class), rs.getString(2), source,
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
