package dev.oneonone.events.meetings;

/** How often a series' meetings are expected. */
public enum Cadence {
    /** Every working day; meant for onboarding, then stepped down. */
    DAILY(1),
    WEEKLY(7),
    BIWEEKLY(14),
    MONTHLY(28);

    private final int intervalDays;

    Cadence(int intervalDays) {
        this.intervalDays = intervalDays;
    }

    /** The expected interval between two meetings, in days. */
    public int intervalDays() {
        return intervalDays;
    }
}
