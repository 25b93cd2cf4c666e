package dev.oneonone.meetings.domain.people;

import java.util.UUID;

/**
 * Replace a person's directory entry.
 *
 * @param contactChanged whether the name or email (kept outside the events) changed
 */
public record ChangePerson(String team, String department, UUID managerId, boolean contactChanged) {
}
