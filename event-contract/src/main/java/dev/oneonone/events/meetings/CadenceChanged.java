package dev.oneonone.events.meetings;

import java.util.UUID;

/**
 * The series' cadence changed. {@code recommendation} is the advice the change follows, or null
 * when it follows none.
 */
public record CadenceChanged(
        UUID seriesId,
        Cadence from,
        Cadence to,
        CadenceRecommendation recommendation) implements SeriesEvent {
}
