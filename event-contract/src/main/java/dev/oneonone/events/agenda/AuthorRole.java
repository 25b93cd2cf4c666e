package dev.oneonone.events.agenda;

/** Which side of the 1:1 added a topic: the leader (manager, mentor) or the companion (report, mentee). */
public enum AuthorRole {
    LEADER,
    COMPANION
}
