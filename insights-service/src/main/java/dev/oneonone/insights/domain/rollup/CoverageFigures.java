package dev.oneonone.insights.domain.rollup;

/**
 * Coverage: people who have a manager and an active manager–report series with them ÷ people who have a manager.
 *
 * @param withManager people of the group with a manager in the directory on the date
 * @param covered     of those, people with an active MANAGER_REPORT series with that manager
 * @param rate        covered ÷ withManager; null when nobody has a manager
 */
public record CoverageFigures(
        int withManager,
        int covered,
        Double rate) {

    static CoverageFigures of(int withManager, int covered) {
        return new CoverageFigures(withManager, covered, withManager == 0 ? null : (double) covered / withManager);
    }
}
