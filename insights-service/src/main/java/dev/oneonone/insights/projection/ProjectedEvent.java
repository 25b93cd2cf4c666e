package dev.oneonone.insights.projection;

import dev.oneonone.events.EventEnvelope;

/**
 * One consumed event and its payload record, as a batch of a replay hands them to {@link Projection#applyAll}. The
 * replay's envelopes carry an empty {@code data} (the payload, decoded, is {@code event}), so that the batches it
 * holds keep no JSON.
 */
public record ProjectedEvent(EventEnvelope envelope, Object event) {
}
