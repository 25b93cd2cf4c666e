package dev.oneonone.insights.domain.figures;

/**
 * The tunable numbers of the insights definitions (docs/insights.md), as plain values so that the
 * calculator stays free of any framework. The service reads them from {@code insights.thresholds.*}.
 *
 * @param graceDays            days a series may run past its interval and still be healthy (3)
 * @param maxGapDays           the longest gap a weekly or more frequent series may have before it is overdue,
 *                             and the gap over which GAP_OVER_TWO_WEEKS is recommended (14)
 * @param adherenceWindowWeeks the window adherence is measured over, clipped to the series' start (12)
 * @param shortMeetingMinutes  a held meeting that lasted fewer minutes than this is short (20)
 * @param shortStreak          this many short held meetings in a row recommend SWITCH_TO_BIWEEKLY (3)
 * @param onboardingDays       a daily series older than this many days is advised to step down (30)
 */
public record Thresholds(int graceDays, int maxGapDays, int adherenceWindowWeeks, int shortMeetingMinutes,
        int shortStreak, int onboardingDays) {

    /** The defaults of the product brief. */
    public static final Thresholds DEFAULTS = new Thresholds(3, 14, 12, 20, 3, 30);

    public Thresholds {
        if (graceDays < 0 || maxGapDays < 1 || adherenceWindowWeeks < 1 || shortMeetingMinutes < 1 || shortStreak < 1
                || onboardingDays < 0) {
            throw new IllegalArgumentException("Thresholds out of range: grace " + graceDays + ", max gap " + maxGapDays
                    + ", window " + adherenceWindowWeeks + ", short " + shortMeetingMinutes + ", streak " + shortStreak
                    + ", onboarding " + onboardingDays);
        }
    }
}
