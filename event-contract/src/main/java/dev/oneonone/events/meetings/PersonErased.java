package dev.oneonone.events.meetings;

import java.util.UUID;

/**
 * A person's personal data was erased at their or the organisation's request (the right to erasure): meetings-service
 * removed their name, email and identity-provider identifiers from its directory and keeps only the id and the dates
 * that the history and the figures rest on. A consumer deletes whatever personal data of this person it holds
 * beyond the id (agenda-service deletes their private notes and removes them as author of shared content); earlier
 * events of the person stay valid, since no event carries a name or an email. Sent once per person.
 */
public record PersonErased(UUID personId) implements PersonEvent {
}
