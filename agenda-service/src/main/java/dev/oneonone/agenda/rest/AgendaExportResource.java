package dev.oneonone.agenda.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
    @APIResponse(responseCode = "200", description = "Streamed", content = @Content(schema = @Schema(implementation = AgendaExportDocument.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither a person nor the integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A person asking for someone else's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
