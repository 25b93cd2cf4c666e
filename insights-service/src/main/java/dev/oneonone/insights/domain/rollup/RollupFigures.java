package dev.oneonone.insights.domain.rollup;

/**
 * The figures of a group as of a date.
 *
 * @param people           people of the group on the date
 * @param series           current series of the group (started, not ended)
 * @param adherenceAverage mean adherence of the current, unpaused series that have one; null when none
 */
public record RollupFigures(
        int people,
        int series,
        HealthCounts health,
        FollowThroughTotals followThrough,
        Double adherenceAverage,
        CoverageFigures coverage) {
}
