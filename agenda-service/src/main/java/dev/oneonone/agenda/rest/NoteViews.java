package dev.oneonone.agenda.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.projection.Note;
import dev.oneonone.agenda.projection.NoteRevision;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.NoteVisibility;

/** What the note endpoints answer. */
public final class NoteViews {
    static final String NOTE_EXAMPLE = """
            {"id": "3c9e2f4a-7b1d-4e8a-9f02-6a5b4c3d2e1f", "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
             "visibility": "SHARED", "text": "Agreed to try pairing on the on-call handover for two weeks.",
             "revision": 1, "authorRole": "COMPANION", "lastWrittenByRole": "COMPANION",
             "createdAt": "2026-11-24T09:20:00Z", "updatedAt": "2026-11-24T09:20:00Z", "contentDeleted": false}""";
    static final String PAGE_EXAMPLE = """
            {"items": [{"id": "3c9e2f4a-7b1d-4e8a-9f02-6a5b4c3d2e1f", "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
             "visibility": "PRIVATE", "text": "Ask about the conference budget next time.", "revision": 2,
             "authorRole": "LEADER", "lastWrittenByRole": "LEADER", "createdAt": "2026-11-24T09:20:00Z",
             "updatedAt": "2026-11-24T09:31:00Z", "contentDeleted": false}], "next": "3c9e2f4a-7b1d-4e8a-9f02-6a5b4c3d2e1f"}""";
    static final String REVISIONS_EXAMPLE = """
            {"items": [
              {"revision": 1, "text": "Agreed to try pairing.", "writtenByRole": "COMPANION", "writtenAt": "2026-11-24T09:20:00Z"},
              {"revision": 2, "text": "Agreed to try pairing for two weeks.", "writtenByRole": "LEADER", "writtenAt": "2026-11-24T09:31:00Z"}],
             "next": null}""";

    private NoteViews() {
    }

    @Schema(name = "Note", description = "A note on a meeting as it stands now (its latest revision). Sent with an ETag: its revision.")
    public record NoteView(
            @Schema(example = "3c9e2f4a-7b1d-4e8a-9f02-6a5b4c3d2e1f") UUID id,
            @Schema(example = "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99") UUID meetingId,
            @Schema(example = "SHARED") NoteVisibility visibility,
            @Schema(nullable = true, description = "Null once deleted (contentDeleted).", example = "Agreed to try pairing on the on-call handover for two weeks.") String text,
            @Schema(description = "1 when written, one more with every edit; the ETag.", example = "1") int revision,
            @Schema(description = "The side who wrote it first.", example = "COMPANION") AuthorRole authorRole,
            @Schema(description = "The side who wrote the latest revision.", example = "COMPANION") AuthorRole lastWrittenByRole,
            @Schema(example = "2026-11-24T09:20:00Z") Instant createdAt,
            @Schema(example = "2026-11-24T09:20:00Z") Instant updatedAt,
            @Schema(description = "The text (and every revision's) was deleted: the organisation's retention period for 1:1 "
                    + "content ran out after the series ended (docs/privacy.md).") boolean contentDeleted) {

        static NoteView of(Note note) {
            return new NoteView(note.noteId, note.meetingId, NoteVisibility.valueOf(note.visibility), note.text,
                    note.revision, AuthorRole.valueOf(note.authorRole), AuthorRole.valueOf(note.updatedByRole),
                    note.createdAt, note.updatedAt, note.contentDeletedAt != null);
        }
    }

    @Schema(name = "NotePage", description = "One page of the notes the caller may read, oldest first; 'next' is the "
            + "cursor of the following page (pass it as 'after'), null on the last.")
    public record NotePage(List<NoteView> items, @Schema(example = "3c9e2f4a-7b1d-4e8a-9f02-6a5b4c3d2e1f", nullable = true) String next) {
    }

    @Schema(name = "NoteRevision", description = "One text a note had, with who wrote it and when.")
    public record NoteRevisionView(
            @Schema(example = "1") int revision,
            @Schema(nullable = true, description = "Null once deleted (the note's contentDeleted).", example = "Agreed to try pairing.") String text,
            @Schema(example = "COMPANION") AuthorRole writtenByRole,
            @Schema(example = "2026-11-24T09:20:00Z") Instant writtenAt) {

        static NoteRevisionView of(NoteRevision revision) {
            return new NoteRevisionView(revision.revision, revision.text, AuthorRole.valueOf(revision.writtenByRole),
                    revision.writtenAt);
        }
    }

    @Schema(name = "NoteRevisionPage", description = "One page of a note's revisions, oldest first; 'next' as for notes.")
    public record NoteRevisionPage(List<NoteRevisionView> items, @Schema(example = "50", nullable = true) String next) {
    }
}
