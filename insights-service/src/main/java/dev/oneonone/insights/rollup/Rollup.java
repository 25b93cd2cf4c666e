package dev.oneonone.insights.rollup;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A group's figures as of a date, and what needs attention in it. A team or department under the
 * minimum group size answers {@code suppressed: true} with neither figures nor attention list.
 */
@Schema(name = "Rollup")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rollup(
        Scope scope,
        @Schema(example = "2026-11-23") LocalDate asOf,
        @Schema(description = "True when the group is smaller than insights.privacy.min-group-size: no figures then.") boolean suppressed,
        RollupFigures figures,
        @Schema(description = "How many items the attention list has (GET /attention pages through them).", example = "11") Integer attentionCount,
        @Schema(description = "The most urgent items of the attention list (at most 20 here).") List<AttentionItem> attention,
        @Schema(description = "Weekly points, oldest first, when weeks were asked for.") List<TrendPoint> trend) {

    Rollup withTrend(List<TrendPoint> points) {
        return new Rollup(scope, asOf, suppressed, figures, attentionCount, attention, points);
    }
}
