package dev.oneonone.agenda.domain;

/**
 * Where the meeting an agenda belongs to stands, as meetings-service's events tell it
 * (MeetingScheduled, MeetingHeld, MeetingCancelled, MeetingMissed; a reschedule keeps it SCHEDULED).
 * Stored by its name in agenda-service's copy of the meetings.
 */
public enum MeetingStatus {
    /** Still to take place: its agenda is open. */
    SCHEDULED,
    HELD,
    CANCELLED,
    MISSED;

    /** True for a meeting that will not take place any more: nothing is agreed at it. */
    public static boolean didNotTakePlace(String status) {
        return CANCELLED.name().equals(status) || MISSED.name().equals(status);
    }
}
