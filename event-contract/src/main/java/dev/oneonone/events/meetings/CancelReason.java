package dev.oneonone.events.meetings;

/** Why a meeting was cancelled; a kind, never free text. */
public enum CancelReason {
    CONFLICT,
    ILLNESS,
    TRAVEL,
    VACATION,
    NOTHING_TO_DISCUSS,
    OTHER,
    /** The series ended (a participant ended it, or one of them left): its meetings from then on are cancelled. */
    SERIES_ENDED
}
