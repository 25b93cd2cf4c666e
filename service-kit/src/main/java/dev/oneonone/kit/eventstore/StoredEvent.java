package dev.oneonone.kit.eventstore;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of a service's event store (table {@code event}, migration {@code db/kit/event-store}), exactly as the outbox relay publishes it. */
@Entity
@Table(name = "event")
public class StoredEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public String organisationId;

    @Column(name = "stream_type", nullable = false, updatable = false)
    public String streamType;

    @Column(name = "stream_id", nullable = false, updatable = false)
    public UUID streamId;

    @Column(nullable = false, updatable = false)
    public long version;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "published_at", insertable = false, updatable = false)
    public Instant publishedAt;
}
