package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.oneonone.insights.domain.rollup.Rollup;
import dev.oneonone.insights.domain.rollup.TrendPoint;

/**
 * A group's figures as of a date and what needs attention in it ({@link Rollup}); a team or department
 * under the minimum group size answers {@code suppressed: true} with neither figures nor attention list.
 */
@Schema(name = "Rollup", requiredProperties = { "scope", "asOf", "suppressed" }) // NON_NULL: the rest may be left out
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollupView(
        ScopeView scope,
        @Schema(example = "2026-11-23") LocalDate asOf,
        @Schema(description = "True when the group is smaller than insights.privacy.min-group-size: no figures then.") boolean suppressed,
        RollupFiguresView figures,
        @Schema(description = "How many items the attention list has (GET /attention pages through them).", example = "11") Integer attentionCount,
        @Schema(description = "The most urgent items of the attention list (at most 20 here).") List<AttentionItemView> attention,
        @Schema(description = "Weekly points, oldest first, when weeks were asked for.") List<TrendPointView> trend) {

    static RollupView of(Rollup rollup) {
        return new RollupView(ScopeView.of(rollup.scope()), rollup.asOf(), rollup.suppressed(),
                RollupFiguresView.of(rollup.figures()), rollup.attentionCount(), AttentionItemView.of(rollup.attention()),
                TrendPointView.of(rollup.trend()));
    }

    /** A group's figures at the end of one week ({@link TrendPoint}); suppressed when the group was under the minimum size that day. */
    @Schema(name = "TrendPoint", requiredProperties = { "weekEnd", "suppressed" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrendPointView(@Schema(example = "2026-11-16") LocalDate weekEnd, boolean suppressed, RollupFiguresView figures) {

        static List<TrendPointView> of(List<TrendPoint> points) {
            return points == null ? null : points.stream()
                    .map(point -> new TrendPointView(point.weekEnd(), point.suppressed(), RollupFiguresView.of(point.figures())))
                    .toList();
        }
    }
}
