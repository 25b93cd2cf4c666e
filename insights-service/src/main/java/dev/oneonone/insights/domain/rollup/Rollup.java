package dev.oneonone.insights.domain.rollup;

import java.time.LocalDate;
import java.util.List;

/**
 * A group's figures as of a date, and what needs attention in it. A team or department under the
 * minimum group size answers {@code suppressed: true} with neither figures nor attention list.
 *
 * @param suppressed     true when the group is smaller than the minimum group size: no figures then
 * @param attentionCount how many items the attention list has
 * @param attention      the most urgent items of the attention list (at most {@link RollupCalculator#ATTENTION_PREVIEW})
 * @param trend          weekly points, oldest first, when weeks were asked for
 */
public record Rollup(
        Scope scope,
        LocalDate asOf,
        boolean suppressed,
        RollupFigures figures,
        Integer attentionCount,
        List<AttentionItem> attention,
        List<TrendPoint> trend) {

    /** The same rollup with a weekly trend. */
    public Rollup withTrend(List<TrendPoint> points) {
        return new Rollup(scope, asOf, suppressed, figures, attentionCount, attention, points);
    }
}
