package dev.oneonone.meetings.projection;

/** A person's name and email: personal data kept in the read model only, never in an event. */
public record PersonContact(String name, String email) {
}
