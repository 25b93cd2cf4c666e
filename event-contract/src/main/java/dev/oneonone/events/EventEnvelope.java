package dev.oneonone.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One published event as other tools see it: the CloudEvents attributes of the suite plus the
 * JSON payload. {@code occurredAt} is when it happened in the domain, {@code recordedAt} when the
 * service stored it; they differ for imported history and late records.
 */
public record EventEnvelope(
        UUID id,
        String type,
        String source,
        String organisationId,
        String aggregateType,
        UUID aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        Instant recordedAt,
        String data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(data, "data");
    }
}
