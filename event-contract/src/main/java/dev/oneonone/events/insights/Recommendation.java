package dev.oneonone.events.insights;

/** What insights-service advises for a series. */
public enum Recommendation {
    /** The series is still daily after the onboarding period: step down to weekly. */
    STEP_DOWN_FROM_DAILY,
    /** Several held meetings in a row ended early: switch to biweekly. */
    SWITCH_TO_BIWEEKLY,
    /** More than 14 days since the last held meeting (or the start): meet soon. */
    GAP_OVER_TWO_WEEKS
}
