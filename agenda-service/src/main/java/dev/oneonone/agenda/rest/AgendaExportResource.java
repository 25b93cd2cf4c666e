package dev.oneonone.agenda.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.application.privacy.AgendaExport;
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
    /** A topic whose series' content expired (contentDeletedAt set, title null), a shared note and an agreement. */
    static final String EXPORT_EXAMPLE = """
            {"topics": [{"topicId": "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b", "authorId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12",
              "authorRole": "COMPANION", "kind": "CAREER", "title": null, "details": null, "askToPrepare": true,
              "position": 1, "discussed": true, "addedAt": "2025-11-24T08:00:00Z", "contentDeletedAt": "2026-11-30T06:00:00Z"}],
             "sharedNotes": [{"noteId": "3c9e2f4a-7b1d-4e8a-9f02-6a5b4c3d2e1f", "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b", "authorId": null, "authorRole": "LEADER",
              "text": "Agreed to try pairing.", "revision": 1, "createdAt": "2026-11-24T09:20:00Z",
              "updatedAt": "2026-11-24T09:20:00Z", "contentDeletedAt": null}],
             "privateNotes": [],
             "agreements": [{"agreementId": "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13", "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
              "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99", "ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12",
              "ownerRole": "COMPANION", "madeById": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "wording": "Write up the proposal",
              "dueOn": "2026-12-04", "status": "OPEN", "dropReason": null, "madeAt": "2026-11-24T09:25:00Z",
              "closedAt": null, "contentDeletedAt": null}]}""";

    private final AgendaExport export;
    private final JsonWebToken token;

    public AgendaExportResource(AgendaExport export, JsonWebToken token) {
        this.export = export;
        this.token = token;
    }

    @GET
    @Path("/{personId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @Operation(operationId = "exportPersonAgenda", summary = "A person's agendas, notes and agreements, for their export",
            description = "Streamed: `topics`, `sharedNotes`, `agreements` of every meeting of the series the person takes part in, "
                    + "and `privateNotes`: their own, only when they ask themselves (left out when the organisation's integration "
                    + "exports on their behalf). For the person themself or the integration.")
    @APIResponse(responseCode = "200", description = "Streamed", content = @Content(schema = @Schema(implementation = AgendaExportDocument.class),
            examples = @ExampleObject(name = "export", value = EXPORT_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Neither a person nor the integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A person asking for someone else's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Response exportPerson(@PathParam("personId") UUID personId) {
        Caller caller = Caller.of(token);
        boolean self = personId.equals(caller.personId());
        if (!self && !caller.is(Caller.INTEGRATION)) {
            throw new NotFoundException("No export of " + personId + " for you");
        }
        StreamingOutput document = out -> export.write(caller.organisationId(), personId, self, out);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The shape of the agenda export, for the OpenAPI document: each row an object of its columns in camelCase. */
    @Schema(name = "AgendaExport", description = "A person's topics, notes and agreements, for their export.")
    public record AgendaExportDocument(@Schema(required = true) List<Map<String, Object>> topics,
            @Schema(required = true) List<Map<String, Object>> sharedNotes,
            @Schema(description = "Their own private notes; absent from an export on their behalf") List<Map<String, Object>> privateNotes,
            @Schema(required = true) List<Map<String, Object>> agreements) {
    }
}
