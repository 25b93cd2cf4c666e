package dev.oneonone.agenda.rest;

import java.net.URI;
import java.util.List;
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
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.rest.NoteRequests.WriteNoteRequest;
import dev.oneonone.agenda.rest.NoteViews.NotePage;
import dev.oneonone.agenda.rest.NoteViews.NoteView;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.rest.IdempotentCreates;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Writing and listing the notes of a meeting; a note itself is read and edited under /notes. */
@Path("/meetings/{meetingId}/notes")
@Tag(name = "Notes", description = "Shared and private notes of a meeting; private ones only ever reach their author")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingNotesResource {
    private final JsonWebToken token;
    private final Notes notes;
    private final RequestBodies bodies;
    private final IdempotentCreates idempotent;
    private final Agendas agendas;

    public MeetingNotesResource(JsonWebToken token, Notes notes, RequestBodies bodies, IdempotentCreates idempotent,
            Agendas agendas) {
        this.token = token;
        this.agendas = agendas;
        this.notes = notes;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "writeNote", summary = "Write a note on a meeting",
            description = "Either participant writes notes on a meeting they take part in, before, during or after it. "
                    + "A shared note records NoteWritten (revision 1), which carries the author's side but never the text; "
                    + "a private note records no event and leaves the agenda's version (ETag) as it was, so nothing "
                    + "the other participant or the event stream sees shows that it exists.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WriteNoteRequest.class),
            examples = @ExampleObject(name = "shared", value = NoteRequests.WRITE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The note; ETag: its revision (1); Location: /notes/{id}",
            content = @Content(schema = @Schema(implementation = NoteView.class),
                    examples = @ExampleObject(name = "note", value = NoteViews.NOTE_EXAMPLE)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "400", description = "Invalid fields (visibility required, text 1 to 10000 characters) or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person (1:1 content is never shown to other roles)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The agenda changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "concurrent", value = ProblemExamples.STALE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ProblemExamples.KEY_REUSED)))
    public Uni<Response> write(@PathParam("meetingId") UUID meetingId,
            @Parameter(description = ProblemExamples.IDEMPOTENCY_KEY) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            WriteNoteRequest request) {
        Caller caller = Caller.of(token);
        bodies.valid(request);
        // the access check comes before any replay: a key (kept per caller anyway) answers only on a meeting the caller sees
        return agendas.access(caller, meetingId).chain(visible -> idempotent.once(caller, idempotencyKey,
                "POST /meetings/" + meetingId + "/notes", request,
                () -> notes.write(caller, meetingId, request.visibility(), request.text())
                        .map(note -> Response.created(URI.create("/notes/" + note.noteId))
                                .tag(Versions.tag(note.revision)).entity(NoteView.of(note)).build())));
    }

    @GET
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "listMeetingNotes", summary = "List the notes of a meeting the caller may read",
            description = "The meeting's shared notes and the caller's own private notes, oldest first; the other "
                    + "participant's private notes are neither listed nor counted. Cursor paging: pass the answer's "
                    + "'next' (the id of the page's last note, opaque) as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NotePage.class),
            examples = @ExampleObject(name = "page", value = NoteViews.PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit outside 1 to 100, or a malformed cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "limit", value = ProblemExamples.LIMIT)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Uni<NotePage> list(@PathParam("meetingId") UUID meetingId,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit")
            @DefaultValue(Paging.DEFAULT_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        Caller caller = Caller.of(token);
        int size = Paging.limit(limit);
        return notes.readable(caller, meetingId, noteCursor(after), size)
                .map(rows -> new NotePage(rows.stream().limit(size).map(NoteView::of).toList(),
                        rows.size() > size ? rows.get(size - 1).noteId.toString() : null));
    }

    /** A notes cursor is the id of the last note of the previous page: it tells nothing about notes not listed. */
    private static UUID noteCursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(after.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldError("after", "must be the 'next' of a previous page")));
        }
    }
}
