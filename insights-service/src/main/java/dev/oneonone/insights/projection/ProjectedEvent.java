package dev.oneonone.insights.projection;

import dev.oneonone.events.EventEnvelope;

/** One consumed event and its payload record, as a batch of a replay hands them to {@link Projection#applyAll}. */
public record ProjectedEvent(EventEnvelope envelope, Object event) {
}
