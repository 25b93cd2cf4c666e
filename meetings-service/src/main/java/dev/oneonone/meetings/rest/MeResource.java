package dev.oneonone.meetings.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.privacy.AccessLogPage;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.application.privacy.AccessLogReading;
import dev.oneonone.meetings.application.privacy.PersonExport;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The caller's own privacy rights (issue 18, docs/privacy.md): who read data about their 1:1s (GET /me/access-log)
 * and everything the suite holds about them (GET /me/export). Both are the caller's own, so role {@code person}.
 */
@Path("/me")
@Tag(name = "Privacy", description = "A person's access log and data export")
public class MeResource {
    static final String EXPORT_DESCRIPTION = "One JSON document, streamed: `format`, `exportedAt`, `organisationId`, `personId`, "
            + "`directoryEntry` (or null), `reportingLines`, `series`, `pauses`, `meetings` (this service), then `agenda` "
            + "(topics, shared notes, private notes, agreements of the person's meetings: agenda-service) and `insights` "
            + "(the figures of the person's series: insights-service). Should a part fail after the answer began, the stream "
            + "breaks off (invalid JSON), never a document that looks whole.";

    private final AccessLogReading accessLog;
    private final PersonExport export;
    private final JsonWebToken token;

    public MeResource(AccessLogReading accessLog, PersonExport export, JsonWebToken token) {
        this.accessLog = accessLog;
        this.export = export;
        this.token = token;
    }

    @GET
    @Path("/access-log")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "getMyAccessLog", summary = "Who read data about my 1:1s",
            description = "Every read or export of data about the caller's 1:1s (series, meetings, figures, trends, attention items) "
                    + "by anyone but the caller and the other participant: who, in which role, what and when, newest first, across "
                    + "meetings-service, agenda-service and insights-service. Recorded within a second of the read; never any content. "
                    + "Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccessLogPage.class)))
    @APIResponse(responseCode = "400", description = "A page size out of 1 to " + Paging.MAX_LIMIT + " or a malformed cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "agenda-service or insights-service, which hold parts of the log, cannot be reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccessLogPage accessLog(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT)
            @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.of(token);
        if (caller.personId() == null) {
            throw new ForbiddenException("Only a person has an access log");
        }
        return accessLog.page(caller.organisationId(), caller.personId(), after, limit, authorization);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "exportMyData", summary = "Download everything the suite holds about me", description = EXPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The document, streamed",
            content = @Content(schema = @Schema(implementation = PersonExportDocument.class)))
    @APIResponse(responseCode = "403", description = "Not a person's token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportMine(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.of(token);
        if (caller.personId() == null) {
            throw new ForbiddenException("Only a person has data to export");
        }
        StreamingOutput document = out -> export.write(caller.organisationId(), caller.personId(), authorization, out);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"oneonone-export.json\"").build();
    }
}
