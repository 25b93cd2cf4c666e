package dev.oneonone.events.meetings;

/** Advice on a series' cadence that a cadence change can follow. */
public enum CadenceRecommendation {
    /** Onboarding is over: step down from daily to weekly. */
    STEP_DOWN_FROM_DAILY,
    /** Several meetings in a row ended in under 20 minutes: meet every two weeks. */
    SWITCH_TO_BIWEEKLY,
    /** The gap between meetings grew over two weeks: meet more often. */
    CLOSE_THE_GAP,
    /** The change follows no recommendation. */
    NONE
}
