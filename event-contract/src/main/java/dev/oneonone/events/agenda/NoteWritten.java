package dev.oneonone.events.agenda;

import java.util.UUID;

/**
 * A participant wrote a note on a meeting, or edited it ({@code revision} above 1). The text is not
 * part of the event; it stays in agenda-service, visible as {@code visibility} says.
 */
public record NoteWritten(UUID meetingId, UUID noteId, NoteVisibility visibility, AuthorRole authorRole, int revision)
        implements MeetingAgendaEvent {
}
