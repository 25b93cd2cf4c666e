package dev.oneonone.insights.rest;


import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
 * insights-service's part of a person's access log (issue 18, docs/privacy.md): the reads of figures about the caller
 * recorded here. meetings-service's GET /me/access-log merges it with its own records, read with the caller's token.
 */
@Path("/access-records")
@Tag(name = "Privacy", description = "This service's part of a person's access log and export")
public class AccessRecordsResource {
    private final AccessRecords records;
    private final JsonWebToken token;

    public AccessRecordsResource(AccessRecords records, JsonWebToken token) {
        this.records = records;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "listMyFigureAccessRecords", summary = "Who read figures about my 1:1s (this service's part of my access log)",
            description = "Reads of the caller's series figures, trends and attention items by anyone but the caller and the other "
                    + "participant, newest first. meetings-service's GET /me/access-log includes these; read that one. "
                    + "Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccessLogPage.class)))
    @APIResponse(responseCode = "400", description = "A page size out of 1 to " + Paging.MAX_LIMIT + " or a malformed cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccessLogPage accessRecords(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT)
            @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        return records.page(Caller.of(token), after, limit);
    }
}
