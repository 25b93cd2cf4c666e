package dev.oneonone.insights.domain.figures;

/**
 * Follow-through of a series' agreements (or of a group's, when rolled up) as of a date.
 *
 * @param due                  agreements whose due date has passed as of the date (dropped ones excluded)
 * @param completedOnTime      of those, completed on or before their due date
 * @param rate                 completedOnTime ÷ due, null when nothing is due
 * @param leaderRate           the same for agreements the leader owns
 * @param companionRate        the same for agreements the companion owns
 * @param openOverdue          agreements still open after their due date
 * @param medianDaysToComplete median days from made to completed over completed agreements, null when none
 */
public record FollowThrough(int due, int completedOnTime, Double rate, Double leaderRate, Double companionRate,
        int openOverdue, Double medianDaysToComplete) {
}
