package dev.oneonone.agenda.domain;

import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;

/**
 * Write a new revision of a note.
 *
 * @param expectedRevision the revision the editor saw (from If-Match), or null to edit whatever is current
 */
public record EditNote(UUID noteId, AuthorRole byRole, Integer expectedRevision) {
}
