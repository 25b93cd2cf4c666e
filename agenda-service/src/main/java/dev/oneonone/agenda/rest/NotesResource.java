package dev.oneonone.agenda.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.application.notes.Notes;
import dev.oneonone.agenda.projection.NoteRevision;
import dev.oneonone.agenda.rest.NoteRequests.EditNoteRequest;
import dev.oneonone.agenda.rest.NoteViews.NoteRevisionPage;
import dev.oneonone.agenda.rest.NoteViews.NoteRevisionView;
import dev.oneonone.agenda.rest.NoteViews.NoteView;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One note: read it, edit it (If-Match: its revision), read its history. Only who may read a note sees any of it. */
@Path("/notes")
@Tag(name = "Notes", description = "Shared and private notes of a meeting; private ones only ever reach their author")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {
    private final JsonWebToken token;
    private final Notes notes;
    private final RequestBodies bodies;

    public NotesResource(JsonWebToken token, Notes notes, RequestBodies bodies) {
        this.token = token;
        this.notes = notes;
        this.bodies = bodies;
    }

    @GET
    @Path("/{noteId}")
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "getNote", summary = "Read a note", description = "A shared note by either participant of its meeting, a private "
            + "note by its author only; for anyone else it does not exist (404). ETag: its revision.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.class),
            examples = @ExampleObject(name = "note", value = NoteViews.NOTE_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such note the caller may read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Uni<Response> read(@PathParam("noteId") UUID noteId) {
        return notes.readable(Caller.of(token), noteId)
                .map(note -> Response.ok(NoteView.of(note)).tag(Versions.tag(note.revision)).build());
    }

    @PUT
    @Path("/{noteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "editNote", summary = "Edit a note", description = "Either participant edits a shared note; only its author a private "
            + "one. The earlier text stays in the note's revisions. Records NoteWritten with the new revision, without "
            + "the text. Send If-Match with the ETag you read so that you do not overwrite an edit you have not seen.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EditNoteRequest.class),
            examples = @ExampleObject(name = "edit", value = NoteRequests.EDIT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The note at its new revision; ETag: that revision",
            content = @Content(schema = @Schema(implementation = NoteView.class),
                    examples = @ExampleObject(name = "note", value = NoteViews.NOTE_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Invalid text (1 to 10000 characters) or If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such note the caller may read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "If-Match names an older revision (note-changed), the text was deleted for retention (content-deleted), or the agenda changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale revision", value = ProblemExamples.NOTE_CHANGED)))
    public Uni<Response> edit(@PathParam("noteId") UUID noteId,
            @Parameter(description = "The note's revision as last read (its ETag), e.g. \"2\"") @HeaderParam(Versions.IF_MATCH) String ifMatch,
            EditNoteRequest request) {
        Caller caller = Caller.of(token);
        Integer expected = Versions.intFromIfMatch(ifMatch);
        bodies.valid(request);
        return notes.edit(caller, noteId, request.text(), expected)
                .map(note -> Response.ok(NoteView.of(note)).tag(Versions.tag(note.revision)).build());
    }

    @GET
    @Path("/{noteId}/revisions")
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "listNoteRevisions", summary = "Read a note's history", description = "Every text the note had, oldest first, with the side "
            + "who wrote it; only for who may read the note. Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteRevisionPage.class),
            examples = @ExampleObject(name = "history", value = NoteViews.REVISIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit outside 1 to 100, or a malformed cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "limit", value = ProblemExamples.LIMIT)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such note the caller may read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Uni<NoteRevisionPage> revisions(@PathParam("noteId") UUID noteId,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit")
            @DefaultValue(Paging.DEFAULT_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        Caller caller = Caller.of(token);
        int size = Paging.limit(limit);
        long from = Paging.after(after);
        return notes.revisions(caller, noteId, (int) Math.min(from, Integer.MAX_VALUE), size)
                .map(rows -> Paging.of(rows, size, NoteRevisionView::of, (NoteRevision row) -> (long) row.revision))
                .map(page -> new NoteRevisionPage(page.items(), page.next()));
    }
}
