package dev.oneonone.events.agenda;

/** Why an agreement was dropped rather than completed. */
public enum DropReason {
    /** Circumstances changed and it is not needed any more. */
    NO_LONGER_NEEDED,
    /** Another agreement replaces it. */
    SUPERSEDED,
    /** It depends on something neither participant controls. */
    OUT_OF_OUR_HANDS,
    /** Any other reason. */
    OTHER
}
