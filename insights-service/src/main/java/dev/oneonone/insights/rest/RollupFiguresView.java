package dev.oneonone.insights.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.insights.domain.rollup.CoverageFigures;
import dev.oneonone.insights.domain.rollup.FollowThroughTotals;
import dev.oneonone.insights.domain.rollup.HealthCounts;
import dev.oneonone.insights.domain.rollup.RollupFigures;

/** The figures of a group as of a date ({@link RollupFigures}), with the parts they are made of. */
@Schema(name = "RollupFigures")
public record RollupFiguresView(
        @Schema(description = "People of the group on the date.", example = "54") int people,
        @Schema(description = "Current series of the group (started, not ended).", example = "51") int series,
        HealthCountsView health,
        FollowThroughTotalsView followThrough,
        @Schema(description = "Mean adherence of the current, unpaused series that have one; null when none.", example = "0.87") Double adherenceAverage,
        CoverageView coverage) {

    static RollupFiguresView of(RollupFigures figures) {
        return figures == null ? null : new RollupFiguresView(figures.people(), figures.series(),
                HealthCountsView.of(figures.health()), FollowThroughTotalsView.of(figures.followThrough()),
                figures.adherenceAverage(), CoverageView.of(figures.coverage()));
    }

    /** How a group's current series stand, plus the reports with no 1:1 with their manager ({@link HealthCounts}). */
    @Schema(name = "HealthCounts")
    public record HealthCountsView(
            @Schema(example = "41") int healthy,
            @Schema(example = "6") int atRisk,
            @Schema(example = "3") int overdue,
            @Schema(description = "People with a manager and no active manager–report series with them.", example = "2") int noOneOnOne,
            @Schema(description = "Current series that are paused on the date (in none of the three health counts).", example = "1") int paused) {

        static HealthCountsView of(HealthCounts counts) {
            return counts == null ? null : new HealthCountsView(counts.healthy(), counts.atRisk(), counts.overdue(),
                    counts.noOneOnOne(), counts.paused());
        }
    }

    /** Follow-through summed over a group's current series ({@link FollowThroughTotals}). */
    @Schema(name = "FollowThroughTotals")
    public record FollowThroughTotalsView(
            @Schema(description = "Agreements whose due date has passed.", example = "120") int due,
            @Schema(description = "Of those, completed on or before their due date.", example = "96") int completedOnTime,
            @Schema(description = "completedOnTime ÷ due; null when nothing was due.", example = "0.8") Double rate,
            @Schema(description = "Agreements still open after their due date.", example = "9") int openOverdue) {

        static FollowThroughTotalsView of(FollowThroughTotals totals) {
            return totals == null ? null : new FollowThroughTotalsView(totals.due(), totals.completedOnTime(),
                    totals.rate(), totals.openOverdue());
        }
    }

    /** Coverage of a group: people with a manager who have an active manager–report series with them ({@link CoverageFigures}). */
    @Schema(name = "Coverage")
    public record CoverageView(
            @Schema(description = "People of the group with a manager in the directory on the date.", example = "52") int withManager,
            @Schema(description = "Of those, people with an active MANAGER_REPORT series with that manager.", example = "50") int covered,
            @Schema(description = "covered ÷ withManager; null when nobody has a manager.", example = "0.9615") Double rate) {

        static CoverageView of(CoverageFigures coverage) {
            return coverage == null ? null : new CoverageView(coverage.withManager(), coverage.covered(), coverage.rate());
        }
    }
}
