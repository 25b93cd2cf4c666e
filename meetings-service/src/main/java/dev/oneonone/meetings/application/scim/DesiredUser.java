package dev.oneonone.meetings.application.scim;

import dev.oneonone.meetings.application.people.PersonEntry;

/**
 * A SCIM User as the identity provider wants it: its identifiers, the directory entry it maps to, and whether the
 * person is active.
 *
 * @param active null: as it is (a replace that leaves {@code active} out)
 */
public record DesiredUser(String userName, String externalId, PersonEntry entry, Boolean active) {
}
