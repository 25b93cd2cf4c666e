package dev.oneonone.agenda.application.notes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.oneonone.agenda.application.RejectedException;
import dev.oneonone.agenda.application.topics.AgendaStreams;
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.agenda.domain.EditNote;
import dev.oneonone.agenda.domain.MeetingNotes;
import dev.oneonone.agenda.domain.WriteNote;
import dev.oneonone.agenda.projection.Note;
import dev.oneonone.agenda.projection.NoteRevision;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.NoteVisibility;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.NotFoundException;
import dev.oneonone.kit.problem.Problem.FieldError;

/**
 * Notes on meetings as their participants write and read them. A shared note is read and edited by both
 * participants; a private note by its author only, and for anyone else it does not exist (404, never
 * counted, never listed). Every write keeps the text as a new revision, in the caller's transaction; a shared
 * note's write also records NoteWritten on the agenda's stream (without the text), a private note's nothing,
 * so that neither the agenda's version nor the event stream shows that it exists ({@link MeetingNotes}).
 */
@ApplicationScoped
public class Notes {
    private final Agendas agendas;
    private final AgendaStreams streams;
    private final Clock clock;

    public Notes(Agendas agendas, AgendaStreams streams, Clock clock) {
        this.agendas = agendas;
        this.streams = streams;
        this.clock = clock;
    }

    public Uni<Note> write(Caller caller, UUID meetingId, NoteVisibility visibility, String text) {
        return agendas.access(caller, meetingId).chain(access -> {
            String organisationId = access.meeting().organisationId;
            AuthorRole role = access.roleOf(caller.personId());
            UUID noteId = UUID.randomUUID();
            Instant now = clock.instant();
            return streams.history(organisationId, meetingId)
                    .map(history -> MeetingNotes.replay(meetingId, history))
                    .chain(notes -> streams.record(organisationId, meetingId, notes.version(),
                            notes.write(new WriteNote(noteId, visibility, role)), now))
                    .chain(stored -> {
                        Note note = new Note();
                        note.noteId = noteId;
                        note.meetingId = meetingId;
                        note.organisationId = organisationId;
                        note.visibility = visibility.name();
                        note.authorId = caller.personId();
                        note.authorRole = role.name();
                        note.text = text;
                        note.revision = 1;
                        note.createdAt = now;
                        note.updatedAt = now;
                        note.updatedByRole = role.name();
                        return note.<Note>persist().call(() -> revision(note, caller.personId()).persist());
                    });
        });
    }

    /** A new revision of a note the caller may read; a stale {@code expectedRevision} is refused (409). */
    public Uni<Note> edit(Caller caller, UUID noteId, String text, Integer expectedRevision) {
        return readableWithAccess(caller, noteId).chain(readable -> {
            Note note = readable.note();
            if (note.contentDeletedAt != null) {
                return Uni.createFrom().failure(new RejectedException(dev.oneonone.agenda.domain.Rejection.of(
                        dev.oneonone.agenda.domain.Rejection.CONTENT_DELETED,
                        "The note's text was deleted when the organisation's retention period ran out")));
            }
            AuthorRole role = readable.access().roleOf(caller.personId());
            Instant now = clock.instant();
            if (NoteVisibility.PRIVATE.name().equals(note.visibility)) {
                // only its author gets here; the row lock orders the author's own concurrent edits
                return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select revision from note where note_id = :note for update", Integer.class)
                                .setParameter("note", noteId).getSingleResult())
                        .chain(current -> {
                            note.revision = current;
                            Decision decision = MeetingNotes.editPrivate(current, expectedRevision);
                            if (decision instanceof Decision.Rejected rejected) {
                                return Uni.createFrom().failure(new RejectedException(rejected.rejection()));
                            }
                            return newRevision(note, text, role, now, caller.personId());
                        });
            }
            return streams.history(note.organisationId, note.meetingId)
                    .map(history -> MeetingNotes.replay(note.meetingId, history))
                    .chain(notes -> {
                        Decision decision = notes.edit(new EditNote(noteId, role, expectedRevision));
                        if (decision instanceof Decision.Rejected rejected
                                && MeetingNotes.NOTE_NOT_FOUND.equals(rejected.rejection().reason())) {
                            return Uni.createFrom().failure(new NotFoundException("No note " + noteId));
                        }
                        return streams.record(note.organisationId, note.meetingId, notes.version(), decision, now);
                    })
                    .chain(stored -> newRevision(note, text, role, now, caller.personId()));
        });
    }

    private static Uni<Note> newRevision(Note note, String text, AuthorRole role, Instant now, UUID writer) {
        note.text = text;
        note.revision = note.revision + 1;
        note.updatedAt = now;
        note.updatedByRole = role.name();
        return revision(note, writer).persist().replaceWith(note);
    }

    /** The note when the caller may read it: a participant of its meeting, and its author if it is private. */
    public Uni<Note> readable(Caller caller, UUID noteId) {
        return readableWithAccess(caller, noteId).map(ReadableNote::note);
    }

    /** A note the caller may read, with the meeting access that allowed it. */
    private record ReadableNote(Note note, Agendas.Access access) {
    }

    private Uni<ReadableNote> readableWithAccess(Caller caller, UUID noteId) {
        return Note.<Note>find("noteId = ?1 and organisationId = ?2", noteId, caller.organisationId()).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No note " + noteId))
                .chain(note -> agendas.access(caller, note.meetingId).map(access -> {
                    if (NoteVisibility.PRIVATE.name().equals(note.visibility) && !note.authorId.equals(caller.personId())) {
                        // the same answer as for a note that does not exist: the other side gets no hint
                        throw new NotFoundException("No note " + noteId);
                    }
                    return new ReadableNote(note, access);
                }));
    }

    /**
     * The meeting's notes the caller may read, oldest first, after the note {@code after} (null: from the first),
     * up to {@code limit} + 1 (the extra one tells a page follows). The cursor is a note the caller may read, so
     * that nothing in it (such as a position counting the other participant's private notes) shows what they
     * may not; any other cursor is refused field by field (400, {@code after}).
     */
    public Uni<List<Note>> readable(Caller caller, UUID meetingId, UUID after, int limit) {
        String readable = "meetingId = :meeting and (visibility = :shared or authorId = :me)";
        Supplier<Parameters> mine = () -> Parameters.with("meeting", meetingId).and("shared", NoteVisibility.SHARED.name())
                .and("me", caller.personId());
        return agendas.access(caller, meetingId)
                .chain(access -> after == null ? Uni.createFrom().item(0L)
                        : Note.<Note>find(readable + " and noteId = :after", mine.get().and("after", after)).firstResult()
                                .onItem().ifNull().failWith(() -> new InvalidInputException(List.of(
                                        new FieldError("after", "must be the 'next' of a previous page"))))
                                .map(cursor -> cursor.seq))
                .chain(position -> Note.<Note>find(readable + " and seq > :position order by seq",
                                mine.get().and("position", position))
                        .page(0, limit + 1).list());
    }

    /** A readable note's revisions, oldest first, after revision {@code after}, up to {@code limit} + 1. */
    public Uni<List<NoteRevision>> revisions(Caller caller, UUID noteId, int after, int limit) {
        return readable(caller, noteId).chain(note -> NoteRevision.<NoteRevision>find(
                        "noteId = ?1 and revision > ?2 order by revision", noteId, after)
                .page(0, limit + 1).list());
    }

    private static NoteRevision revision(Note note, UUID writer) {
        NoteRevision revision = new NoteRevision();
        revision.noteId = note.noteId;
        revision.revision = note.revision;
        revision.text = note.text;
        revision.writtenBy = writer;
        revision.writtenByRole = note.updatedByRole;
        revision.writtenAt = note.updatedAt;
        return revision;
    }
}
