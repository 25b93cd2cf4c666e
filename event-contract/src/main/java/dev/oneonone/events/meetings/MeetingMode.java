package dev.oneonone.events.meetings;

/** How a meeting was held. */
public enum MeetingMode {
    IN_PERSON,
    REMOTE
}
