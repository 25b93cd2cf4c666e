package dev.oneonone.events.insights;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A series' health or its recommendations changed as of {@code asOf} (a date in the series' time
 * zone). {@code previousHealth} is absent the first time the series is assessed. Carries the
 * participants' ids so that a chat bot or an HR platform can act without another call.
 */
public record SeriesHealthChanged(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        @MayBeAbsent Health previousHealth,
        Health health,
        int gapDays,
        LocalDate asOf,
        List<Recommendation> recommendations) implements InsightsEvent {
    public static final String AGGREGATE_TYPE = "series";

    @Override
    public UUID aggregateId() {
        return seriesId;
    }

    @Override
    public String aggregateType() {
        return AGGREGATE_TYPE;
    }
}
