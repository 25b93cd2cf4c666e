package dev.oneonone.agenda.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.application.privacy.AgendaExport;
import dev.oneonone.kit.privacy.AccessKind;
import dev.oneonone.kit.privacy.AccessLog;
import dev.oneonone.kit.privacy.OtherParticipants;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * agenda-service's part of a person's export (issue 18, docs/privacy.md): meetings-service's GET /me/export and
 * GET /people/{personId}/export read it with the caller's token and put it under {@code agenda}.
 */
@Path("/exports")
@Tag(name = "Privacy", description = "This service's part of a person's export")
public class AgendaExportResource {
    static final String EXAMPLE = """
            {"topics": [{"topicId": "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01", "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "seriesId": "0b6e9c4a-2d3f-4a1b-8c7d-6e5f4a3b2c1d", "authorId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12",
              "authorRole": "COMPANION", "kind": "CAREER", "title": "Growth plan", "details": null, "askToPrepare": false,
              "position": 0, "discussed": false, "addedAt": "2026-11-23T09:12:00Z", "contentDeletedAt": null,
              "contentWithheld": false}],
             "sharedNotes": [], "privateNotes": [], "agreements": []}""";
    static final String ON_BEHALF_EXAMPLE = """
            {"topics": [{"topicId": "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01", "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "seriesId": "0b6e9c4a-2d3f-4a1b-8c7d-6e5f4a3b2c1d", "authorId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12",
              "authorRole": "COMPANION", "kind": "CAREER", "title": null, "details": null, "askToPrepare": false,
              "position": 0, "discussed": false, "addedAt": "2026-11-23T09:12:00Z", "contentDeletedAt": null,
              "contentWithheld": true}],
             "sharedNotes": [], "agreements": []}""";

    private final AgendaExport export;
    private final JsonWebToken token;
    private final AccessLog accessLog;
    private final DataSource dataSource;

    public AgendaExportResource(AgendaExport export, JsonWebToken token, AccessLog accessLog, DataSource dataSource) {
        this.dataSource = dataSource;
        this.export = export;
        this.token = token;
        this.accessLog = accessLog;
    }

    @GET
    @Path("/{personId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @Operation(operationId = "exportPersonAgenda", summary = "A person's agendas, notes and agreements, for their export",
            description = "Streamed: `topics`, `sharedNotes`, `agreements` of every meeting of the series the person takes part in, "
                    + "and `privateNotes`: their own, only when they ask themselves. When the organisation's integration exports on "
                    + "their behalf, the 1:1 content stays with its two participants: every row keeps ids, kinds, sides, statuses, "
                    + "dates and counts, but `title`, `details`, `text` and `wording` are null and `contentWithheld` is true; "
                    + "`privateNotes` is left out. For the person themself or the integration; the integration's read is recorded "
                    + "in the access log of the person and of each other participant of their series (AGENDA_EXPORT).")
    @APIResponse(responseCode = "200", description = "Streamed", content = @Content(schema = @Schema(implementation = AgendaExportDocument.class),
            examples = { @ExampleObject(name = "one meeting", value = EXAMPLE),
                    @ExampleObject(name = "on their behalf", value = ON_BEHALF_EXAMPLE) }))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Neither a person nor the integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "A person asking for someone else's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not yours", value = ProblemExamples.NOT_YOURS)))
    public Response exportPerson(@PathParam("personId") UUID personId) {
        Caller caller = Caller.of(token);
        boolean self = personId.equals(caller.personId());
        if (!self && !caller.is(Caller.INTEGRATION)) {
            throw new NotFoundException("No export of " + personId + " for you");
        }
        // the integration's read, directly or through meetings-service's GET /people/{personId}/export: recorded for the
        // person and each other participant of their series
        accessLog.export(caller, AccessKind.AGENDA_EXPORT, personId,
                () -> OtherParticipants.of(dataSource, "known_series", caller.organisationId(), personId));
        StreamingOutput document = out -> export.write(caller.organisationId(), personId, self, out);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The shape of the agenda export, for the OpenAPI document: each row an object of its columns in camelCase. */
    @Schema(name = "AgendaExport", description = "A person's topics, notes and agreements, for their export.")
    public record AgendaExportDocument(@Schema(required = true) List<ContentRow> topics,
            @Schema(required = true) List<ContentRow> sharedNotes,
            @Schema(description = "Their own private notes; absent from an export on their behalf") List<Map<String, Object>> privateNotes,
            @Schema(required = true) List<ContentRow> agreements) {
    }

    /** A topic, shared note or agreement of the export: its columns in camelCase, and whether its text was withheld. */
    @Schema(name = "AgendaExportRow", description = "A topic, shared note or agreement: its columns in camelCase.",
            additionalProperties = Schema.True.class)
    public record ContentRow(@Schema(required = true, description = "True in an export on the person's behalf: the 1:1 "
            + "text (title, details, text, wording) is null, it stays with the two participants (docs/privacy.md)")
            boolean contentWithheld) {
    }
}
