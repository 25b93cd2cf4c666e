package dev.oneonone.agenda.domain;

import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.NoteVisibility;

/** Write a new note on a meeting: shared with the other participant, or private to its author. */
public record WriteNote(UUID noteId, NoteVisibility visibility, AuthorRole authorRole) {
}
