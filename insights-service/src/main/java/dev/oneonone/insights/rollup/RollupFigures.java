package dev.oneonone.insights.rollup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of a group as of a date. */
@Schema(name = "RollupFigures")
public record RollupFigures(
        @Schema(description = "People of the group on the date.", example = "54") int people,
        @Schema(description = "Current series of the group (started, not ended).", example = "51") int series,
        HealthCounts health,
        FollowThroughTotals followThrough,
        @Schema(description = "Mean adherence of the current, unpaused series that have one; null when none.", example = "0.87") Double adherenceAverage,
        CoverageFigures coverage) {
}
