package dev.oneonone.meetings.domain.series;

import java.time.Instant;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceRecommendation;

/** Meet more or less often; {@code recommendation} is the advice the change follows, or null. */
public record ChangeCadence(Cadence to, CadenceRecommendation recommendation, Instant now) implements SeriesCommand {
    @Override
    public Instant occurredAt() {
        return now;
    }
}
