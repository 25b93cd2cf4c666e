package dev.oneonone.kit.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * How far the outbox is behind: the number of stored events not yet acknowledged by Kafka and the recorded time
 * of the oldest of them, measured by {@link #measure()} (one query on the partial index {@code event_unpublished}).
 * Between measurements, and while PostgreSQL is away, the last measurement stands: {@link #measuredAt()} says when
 * it was taken, {@link #measuredAgeSeconds()} how long ago, and {@link #lastError()} why the latest attempt failed;
 * {@link #isStale(Duration)} tells a snapshot that can no longer be judged from.
 */
public final class OutboxBacklog {
    private final DataSource dataSource;
    private final Clock clock;
    private volatile long unpublished;
    private volatile Instant oldestUnpublished;
    private volatile Instant measuredAt;
    private volatile String lastError;
    private final Instant createdAt;

    public OutboxBacklog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    /** Counts the unpublished events and finds the oldest; keeps the last figures when the query fails. */
    public void measure() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*), min(recorded_at) from event where published_at is null");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            unpublished = rs.getLong(1);
            oldestUnpublished = oldest == null ? null : oldest.toInstant();
            measuredAt = clock.instant();
            lastError = null;
        } catch (SQLException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw e;
        }
    }

    /** Why the latest measurement failed; null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    /** Seconds since the last successful measurement (since this backlog was created, before the first). */
    public double measuredAgeSeconds() {
        Instant at = measuredAt == null ? createdAt : measuredAt;
        return Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    /**
     * True when the figures cannot be judged from: the latest attempt failed, or none succeeded for longer than
     * {@code maxAge} (an attempt hangs on a PostgreSQL that does not answer; counted from creation before the first).
     */
    public boolean isStale(Duration maxAge) {
        return lastError != null || measuredAgeSeconds() > maxAge.toMillis() / 1000.0;
    }

    /** Events stored and not yet acknowledged by Kafka, at the last measurement. */
    public long unpublished() {
        return unpublished;
    }

    /** The recorded time of the oldest unpublished event; null when none waits. */
    public Instant oldestUnpublished() {
        return oldestUnpublished;
    }

    /** When the figures were measured; null before the first measurement. */
    public Instant measuredAt() {
        return measuredAt;
    }

    /** Now minus the oldest unpublished event's recorded time, in seconds; 0 when none waits. */
    public double oldestAgeSeconds() {
        Instant oldest = oldestUnpublished;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
