package dev.oneonone.agenda.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.events.agenda.NoteVisibility;
import dev.oneonone.kit.input.MultilineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the note endpoints. */
public final class NoteRequests {
    static final int MAX_TEXT = 10_000;
    static final String WRITE_EXAMPLE = """
            {"visibility": "SHARED", "text": "Agreed to try pairing on the on-call handover for two weeks."}""";
    static final String EDIT_EXAMPLE = """
            {"text": "Agreed to try pairing on the on-call handover for two weeks, then decide together."}""";

    private NoteRequests() {
    }

    @Schema(name = "WriteNote", description = "A note on a meeting. SHARED: both participants read it; PRIVATE: only "
            + "its author, and the other participant gets no hint it exists. Its text stays in agenda-service.")
    public record WriteNoteRequest(
            @NotNull @Schema(required = true, example = "SHARED") NoteVisibility visibility,
            @MultilineText @NotBlank @Size(max = MAX_TEXT) @Schema(required = true, minLength = 1, maxLength = MAX_TEXT, description = "May span lines.",
                    example = "Agreed to try pairing on the on-call handover for two weeks.") String text) {
    }

    @Schema(name = "EditNote", description = "The new text of a note; the earlier texts stay in its revisions.")
    public record EditNoteRequest(
            @MultilineText @NotBlank @Size(max = MAX_TEXT) @Schema(required = true, minLength = 1, maxLength = MAX_TEXT, description = "May span lines.",
                    example = "Agreed to try pairing on the on-call handover for two weeks, then decide together.")
            String text) {
    }
}
