package dev.oneonone.events.meetings;

/** Why a meeting moved; a kind, never free text. */
public enum RescheduleReason {
    CONFLICT,
    ILLNESS,
    TRAVEL,
    VACATION,
    OTHER
}
