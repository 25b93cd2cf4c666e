package dev.oneonone.agenda.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.NoteVisibility;
import dev.oneonone.events.agenda.NoteWritten;

/**
 * The notes of one meeting, rebuilt from the NoteWritten events of its agenda's stream: which shared notes
 * exist, who may write them and at which revision they stand. Decides note commands; the note's text
 * is not part of it (no event carries text). A private note records nothing on the stream (issue 14, item 7;
 * PRODUCT.md: private notes are seen by their author only): an event would move the agenda's version, which
 * the other participant sees, and reach the organisation-wide topic. Its revisions are decided by
 * {@link #editPrivate} against the revision its author last read.
 */
public final class MeetingNotes {
    public static final String NOTE_NOT_FOUND = "note-not-found";
    public static final String NOTE_CHANGED = "note-changed";

    private record Note(NoteVisibility visibility, AuthorRole author, int revision) {
    }

    private final UUID meetingId;
    private final Map<UUID, Note> notes = new HashMap<>();
    private long version;

    private MeetingNotes(UUID meetingId) {
        this.meetingId = meetingId;
    }

    /** The notes as the agenda's history left them; {@link #version()} is the stream's version. */
    public static MeetingNotes replay(UUID meetingId, List<? extends AgendaEvent> history) {
        MeetingNotes notes = new MeetingNotes(meetingId);
        history.forEach(notes::apply);
        return notes;
    }

    public long version() {
        return version;
    }

    /** A shared note is recorded as NoteWritten (revision 1); a private one records no event at all. */
    public Decision write(WriteNote command) {
        if (notes.containsKey(command.noteId())) {
            throw new IllegalArgumentException("Note " + command.noteId() + " already exists");
        }
        if (command.visibility() == NoteVisibility.PRIVATE) {
            return Decision.accept();
        }
        return Decision.accept(new NoteWritten(meetingId, command.noteId(), command.visibility(),
                command.authorRole(), 1));
    }

    /**
     * A new revision: either participant edits a shared note, only its author a private one (for the other
     * side a private note does not exist). A stale expected revision is refused, nothing is lost.
     */
    public Decision edit(EditNote command) {
        Note note = notes.get(command.noteId());
        if (note == null || note.visibility() == NoteVisibility.PRIVATE && note.author() != command.byRole()) {
            return Decision.reject(Rejection.of(NOTE_NOT_FOUND, "No note " + command.noteId() + " on this meeting."));
        }
        if (command.expectedRevision() != null && command.expectedRevision() != note.revision()) {
            return Decision.reject(Rejection.of(NOTE_CHANGED, "The note is at revision " + note.revision()
                    + ", not " + command.expectedRevision() + ": read it again and retry."));
        }
        return Decision.accept(new NoteWritten(meetingId, command.noteId(), note.visibility(), command.byRole(),
                note.revision() + 1));
    }

    /**
     * A new revision of a private note by its author: accepted (no event) unless {@code expectedRevision} is
     * not the note's {@code currentRevision} (409 {@value #NOTE_CHANGED}; null means the author does not care).
     */
    public static Decision editPrivate(int currentRevision, Integer expectedRevision) {
        if (expectedRevision != null && expectedRevision != currentRevision) {
            return Decision.reject(Rejection.of(NOTE_CHANGED, "The note is at revision " + currentRevision
                    + ", not " + expectedRevision + ": read it again and retry."));
        }
        return Decision.accept();
    }

    private void apply(AgendaEvent event) {
        if (event instanceof NoteWritten written) {
            Note before = notes.get(written.noteId());
            AuthorRole author = before == null ? written.authorRole() : before.author();
            notes.put(written.noteId(), new Note(written.visibility(), author, written.revision()));
        }
        version++;
    }
}
