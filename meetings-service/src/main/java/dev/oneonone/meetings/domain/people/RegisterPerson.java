package dev.oneonone.meetings.domain.people;

import java.util.UUID;

/** Add a person to the organisation's directory. Name and email are not the aggregate's business: they never enter an event. */
public record RegisterPerson(UUID personId, String team, String department, UUID managerId) {
}
