package dev.oneonone.kit.eventstore;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of {@code aggregate_snapshot} (migration {@code db/kit/event-store/V0_4}), mapped so that
 * {@link EventStore#loadTail} reads it with an HQL projection: a native select with a result type missed
 * Hibernate's query plan cache on every call (each miss added an entry under the same hash, so every lookup
 * walked them all). Written only by {@link EventStore#saveSnapshot}'s upsert, never through the session.
 */
@Entity
@Table(name = "aggregate_snapshot")
public class AggregateSnapshot extends PanacheEntityBase {
    @Id
    @Column(name = "stream_id")
    public UUID streamId;

    @Column(name = "organisation_id", nullable = false, updatable = false, insertable = false)
    public String organisationId;

    @Column(nullable = false, updatable = false, insertable = false)
    public String kind;

    @Column(nullable = false, updatable = false, insertable = false)
    public long version;

    @Column(name = "schema_version", nullable = false, updatable = false, insertable = false)
    public int schemaVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, insertable = false, columnDefinition = "jsonb")
    public String state;

    @Column(name = "taken_at", updatable = false, insertable = false)
    public Instant takenAt;
}
