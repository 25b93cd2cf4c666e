package dev.oneonone.agenda.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.privacy.AccessLogPage;
import dev.oneonone.kit.privacy.AccessRecords;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * agenda-service's part of a person's access log (issue 18, docs/privacy.md): the integration's reads of the caller's
 * agendas, notes and agreements (GET /exports/{personId}), the only reads here by anyone but the two participants.
 * meetings-service's GET /me/access-log merges it with its own records and insights-service's, with the caller's token.
 */
@Path("/access-records")
@Tag(name = "Privacy", description = "This service's part of a person's export")
public class AgendaAccessRecordsResource {
    private final AccessRecords records;
    private final JsonWebToken token;

    public AgendaAccessRecordsResource(AccessRecords records, JsonWebToken token) {
        this.records = records;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "listMyAgendaAccessRecords", summary = "Who exported my agendas (this service's part of my access log)",
            description = "The organisation's integration's reads of the caller's topics, shared notes and agreements (kind "
                    + "AGENDA_EXPORT), newest first; never content. meetings-service's GET /me/access-log includes these; read "
                    + "that one. Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccessLogPage.class),
            examples = @ExampleObject(name = "an export on the person's behalf", value = """
                    {"items": [{"id": "3f0b7c1e-9a2d-4e5f-8b6c-1d2e3f4a5b6c", "readerId": "integration-acme", "readerRole": "integration",
                      "kind": "AGENDA_EXPORT", "resourceId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "accessedAt": "2026-11-30T09:15:02.117Z"}], "next": null}""")))
    @APIResponse(responseCode = "400", description = "A page size out of 1 to " + Paging.MAX_LIMIT + " or a malformed cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "cursor", value = ProblemExamples.CURSOR)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Not a person's token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not a person", value = ProblemExamples.NOT_A_PERSON)))
    public AccessLogPage accessRecords(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT)
            @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        return records.page(Caller.of(token), after, limit);
    }
}
