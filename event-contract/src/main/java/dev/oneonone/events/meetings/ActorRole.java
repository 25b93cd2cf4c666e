package dev.oneonone.events.meetings;

/** Who made a change to a meeting, relative to its series. */
public enum ActorRole {
    LEADER,
    COMPANION,
    /** An HR-tech platform or calendar acting for the organisation. */
    INTEGRATION
}
