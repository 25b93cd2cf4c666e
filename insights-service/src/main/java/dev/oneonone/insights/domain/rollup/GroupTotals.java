package dev.oneonone.insights.domain.rollup;

import java.math.BigDecimal;
import java.math.MathContext;

import dev.oneonone.events.insights.Health;
import dev.oneonone.insights.domain.figures.FollowThrough;
import dev.oneonone.insights.domain.figures.SeriesFigures;

/**
 * A group's figures as sums: what each current series and each person of the group adds (docs/insights.md,
 * "Rollups"). Sums can be added to and taken from, so a group's stored totals follow one series' change
 * exactly: the adherences are summed as exact decimals (a double's decimal expansion is finite), so their
 * mean does not depend on the order the series come in.
 *
 * @param withManager   people of the group with a manager on the date
 * @param covered       of those, people with a current manager–report series with that manager
 * @param adherenceSum  the exact sum of the adherences of the unpaused series that have one
 * @param withAdherence how many series that sum holds
 * @param attention     items of the group's attention list: series with a reason, people with no 1:1
 */
public record GroupTotals(int people, int series, int healthy, int atRisk, int overdue, int paused, int withManager,
        int covered, int due, int completedOnTime, int openOverdue, BigDecimal adherenceSum, int withAdherence,
        int attention) {

    public static final GroupTotals NONE = new GroupTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0);

    /** What one person adds: one person, and whether they have a manager and a 1:1 with them. */
    public static GroupTotals person(boolean withManager, boolean covered) {
        boolean noOneOnOne = withManager && !covered;
        return new GroupTotals(1, 0, 0, 0, 0, 0, withManager ? 1 : 0, withManager && covered ? 1 : 0, 0, 0, 0,
                BigDecimal.ZERO, 0, noOneOnOne ? 1 : 0);
    }

    /**
     * What one current series adds.
     *
     * @param needsAttention whether the series is on the attention list (overdue, at risk or low follow-through)
     */
    public static GroupTotals series(SeriesFigures figures, boolean needsAttention) {
        FollowThrough followThrough = figures.followThrough();
        boolean counted = !figures.paused();
        boolean withAdherence = counted && figures.adherence() != null;
        return new GroupTotals(0, 1,
                counted && figures.health() == Health.HEALTHY ? 1 : 0,
                counted && figures.health() == Health.AT_RISK ? 1 : 0,
                counted && figures.health() == Health.OVERDUE ? 1 : 0,
                counted ? 0 : 1, 0, 0,
                followThrough == null ? 0 : followThrough.due(),
                followThrough == null ? 0 : followThrough.completedOnTime(),
                followThrough == null ? 0 : followThrough.openOverdue(),
                withAdherence ? new BigDecimal(figures.adherence()) : BigDecimal.ZERO, withAdherence ? 1 : 0,
                needsAttention ? 1 : 0);
    }

    public GroupTotals plus(GroupTotals other) {
        return new GroupTotals(people + other.people, series + other.series, healthy + other.healthy,
                atRisk + other.atRisk, overdue + other.overdue, paused + other.paused, withManager + other.withManager,
                covered + other.covered, due + other.due, completedOnTime + other.completedOnTime,
                openOverdue + other.openOverdue, adherenceSum.add(other.adherenceSum),
                withAdherence + other.withAdherence, attention + other.attention);
    }

    public GroupTotals minus(GroupTotals other) {
        return new GroupTotals(people - other.people, series - other.series, healthy - other.healthy,
                atRisk - other.atRisk, overdue - other.overdue, paused - other.paused, withManager - other.withManager,
                covered - other.covered, due - other.due, completedOnTime - other.completedOnTime,
                openOverdue - other.openOverdue, adherenceSum.subtract(other.adherenceSum),
                withAdherence - other.withAdherence, attention - other.attention);
    }

    /** Equal figures: the adherence sums compared by value (1.50 equals 1.5). */
    public boolean sameAs(GroupTotals other) {
        return equals(new GroupTotals(other.people, other.series, other.healthy, other.atRisk, other.overdue,
                other.paused, other.withManager, other.covered, other.due, other.completedOnTime, other.openOverdue,
                adherenceSum.compareTo(other.adherenceSum) == 0 ? adherenceSum : other.adherenceSum,
                other.withAdherence, other.attention));
    }

    /** The group's figures: counts as summed, rates and the mean adherence from the sums. */
    public RollupFigures figures() {
        Double adherenceAverage = withAdherence == 0 ? null
                : adherenceSum.divide(BigDecimal.valueOf(withAdherence), MathContext.DECIMAL128).doubleValue();
        return new RollupFigures(people, series, new HealthCounts(healthy, atRisk, overdue, withManager - covered, paused),
                FollowThroughTotals.of(due, completedOnTime, openOverdue), adherenceAverage,
                CoverageFigures.of(withManager, covered));
    }
}
