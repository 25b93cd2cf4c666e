package dev.oneonone.insights.domain.rollup;

/**
 * How a group's current series stand as of the date, plus the reports who have no 1:1 with their
 * manager at all. Paused series are counted apart: their gap stands still while they are paused.
 *
 * @param noOneOnOne people with a manager and no active manager–report series with them
 * @param paused     current series that are paused on the date (in none of the three health counts)
 */
public record HealthCounts(
        int healthy,
        int atRisk,
        int overdue,
        int noOneOnOne,
        int paused) {
}
