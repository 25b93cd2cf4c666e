package dev.oneonone.events.meetings;

/** What ties the two people of a series together. */
public enum Relationship {
    MANAGER_REPORT,
    MENTOR_MENTEE,
    PEER,
    SKIP_LEVEL
}
