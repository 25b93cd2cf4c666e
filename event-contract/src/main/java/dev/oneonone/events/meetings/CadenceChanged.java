package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.util.UUID;

/**
 * The series' cadence changed. {@code recommendation} is the advice the change follows, or null
 * when it follows none.
 */
public record CadenceChanged(
        UUID seriesId,
        Cadence from,
        Cadence to,
        @MayBeAbsent CadenceRecommendation recommendation) implements SeriesEvent {
}
