package dev.oneonone.events.agenda;

/** How a meeting ended, as its agenda records it. */
public enum MeetingOutcome {
    HELD,
    CANCELLED,
    MISSED
}
