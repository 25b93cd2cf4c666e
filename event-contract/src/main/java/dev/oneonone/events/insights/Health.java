package dev.oneonone.events.insights;

/** A series' cadence health as of a date (see "Insights definitions" in the docs). */
public enum Health {
    /** The gap since the last held meeting is within the expected interval plus a grace period. */
    HEALTHY,
    /** The gap is beyond that but within twice the interval plus the grace period. */
    AT_RISK,
    /** The gap is beyond twice the interval plus the grace period, or over 14 days for a weekly or more frequent series. */
    OVERDUE
}
