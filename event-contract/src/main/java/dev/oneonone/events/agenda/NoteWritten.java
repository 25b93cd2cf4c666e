package dev.oneonone.events.agenda;

import java.util.UUID;

/**
 * A participant wrote a shared note on a meeting, or edited it ({@code revision} above 1). The text is not
 * part of the event; it stays in agenda-service. A private note records no event, so that nothing on the stream
 * shows it exists; {@code visibility} is {@code PRIVATE} only in events recorded before that rule.
 */
public record NoteWritten(UUID meetingId, UUID noteId, NoteVisibility visibility, AuthorRole authorRole, int revision)
        implements MeetingAgendaEvent {
}
