package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.NoteVisibility;
import dev.oneonone.events.agenda.NoteWritten;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicKind;

/** Notes of a meeting: given the agenda's events, when WriteNote / EditNote, then NoteWritten or a rejection. */
class MeetingNotesTest {
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID NOTE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final NoteWritten SHARED_BY_COMPANION = new NoteWritten(MEETING, NOTE, NoteVisibility.SHARED,
            AuthorRole.COMPANION, 1);
    private static final NoteWritten PRIVATE_TO_LEADER = new NoteWritten(MEETING, NOTE, NoteVisibility.PRIVATE,
            AuthorRole.LEADER, 1);

    @Test
    void a_new_shared_note_is_revision_one() {
        assertEquals(Decision.accept(SHARED_BY_COMPANION),
                given().write(new WriteNote(NOTE, NoteVisibility.SHARED, AuthorRole.COMPANION)));
    }

    @Test
    void a_private_note_records_nothing_on_the_agendas_stream() {
        assertEquals(Decision.accept(), given().write(new WriteNote(NOTE, NoteVisibility.PRIVATE, AuthorRole.LEADER)));
    }

    @Test
    void a_private_note_is_edited_at_the_revision_its_author_read() {
        assertEquals(Decision.accept(), MeetingNotes.editPrivate(2, 2));
        assertEquals(Decision.accept(), MeetingNotes.editPrivate(2, null));
        assertEquals(MeetingNotes.NOTE_CHANGED, ((Decision.Rejected) MeetingNotes.editPrivate(2, 1)).rejection().reason());
    }

    @Test
    void either_side_edits_a_shared_note_and_each_edit_is_the_next_revision() {
        assertEquals(Decision.accept(new NoteWritten(MEETING, NOTE, NoteVisibility.SHARED, AuthorRole.LEADER, 2)),
                given(SHARED_BY_COMPANION).edit(new EditNote(NOTE, AuthorRole.LEADER, null)));
        assertEquals(Decision.accept(new NoteWritten(MEETING, NOTE, NoteVisibility.SHARED, AuthorRole.COMPANION, 3)),
                given(SHARED_BY_COMPANION, new NoteWritten(MEETING, NOTE, NoteVisibility.SHARED, AuthorRole.LEADER, 2))
                        .edit(new EditNote(NOTE, AuthorRole.COMPANION, 2)));
    }

    @Test
    void a_private_note_is_edited_by_its_author_only_and_does_not_exist_for_the_other_side() {
        assertEquals(Decision.accept(new NoteWritten(MEETING, NOTE, NoteVisibility.PRIVATE, AuthorRole.LEADER, 2)),
                given(PRIVATE_TO_LEADER).edit(new EditNote(NOTE, AuthorRole.LEADER, 1)));
        assertRejected(given(PRIVATE_TO_LEADER).edit(new EditNote(NOTE, AuthorRole.COMPANION, null)),
                MeetingNotes.NOTE_NOT_FOUND);
    }

    @Test
    void an_edit_from_a_stale_revision_is_refused() {
        MeetingNotes notes = given(SHARED_BY_COMPANION,
                new NoteWritten(MEETING, NOTE, NoteVisibility.SHARED, AuthorRole.LEADER, 2));

        assertRejected(notes.edit(new EditNote(NOTE, AuthorRole.COMPANION, 1)), MeetingNotes.NOTE_CHANGED);
    }

    @Test
    void an_unknown_note_cannot_be_edited() {
        assertRejected(given(SHARED_BY_COMPANION).edit(new EditNote(UUID.randomUUID(), AuthorRole.LEADER, null)),
                MeetingNotes.NOTE_NOT_FOUND);
    }

    @Test
    void the_version_is_the_agendas_whatever_its_events() {
        assertEquals(2, given(new TopicAdded(MEETING, UUID.randomUUID(), TopicKind.CAREER, AuthorRole.LEADER, false),
                SHARED_BY_COMPANION).version());
    }

    private static MeetingNotes given(AgendaEvent... history) {
        return MeetingNotes.replay(MEETING, List.of(history));
    }

    private static void assertRejected(Decision decision, String reason) {
        assertEquals(reason, assertInstanceOf(Decision.Rejected.class, decision).rejection().reason());
    }
}
