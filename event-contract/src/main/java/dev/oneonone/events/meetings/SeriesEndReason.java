package dev.oneonone.events.meetings;

/** Why a series ended. */
public enum SeriesEndReason {
    /** One of the two participants (or an integration on their behalf) ended it. */
    ENDED_BY_PARTICIPANT,
    /** One of the two participants left the organisation: it ends the day after their last day. */
    EMPLOYMENT_ENDED
}
