package dev.oneonone.insights.domain.rollup;

/**
 * Follow-through summed over a group's current series: agreements completed on time ÷ agreements due.
 *
 * @param due             agreements whose due date has passed
 * @param completedOnTime of those, completed on or before their due date
 * @param rate            completedOnTime ÷ due; null when nothing was due
 * @param openOverdue     agreements still open after their due date
 */
public record FollowThroughTotals(
        int due,
        int completedOnTime,
        Double rate,
        int openOverdue) {

    static FollowThroughTotals of(int due, int completedOnTime, int openOverdue) {
        return new FollowThroughTotals(due, completedOnTime, due == 0 ? null : (double) completedOnTime / due, openOverdue);
    }
}
