package dev.oneonone.insights.rest;

import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.insights.application.privacy.FiguresExport;
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
 * insights-service's parts of a person's privacy rights (issue 18, docs/privacy.md), which meetings-service's
 * GET /me/access-log and GET /me/export compose into one answer with the caller's token: the reads of figures about
 * the caller recorded here, and the figures of the series a person takes part in.
 */
/**
 * insights-service's part of a person's export (issue 18, docs/privacy.md): the figures of the series a person takes
 * part in. meetings-service's GET /me/export and GET /people/{personId}/export read it with the caller's token.
 */
@Path("/exports")
@Tag(name = "Privacy", description = "This service's part of a person's access log and export")
public class FiguresExportResource {
    private final FiguresExport export;
    private final JsonWebToken token;
    private final AccessLog accessLog;
    private final DataSource dataSource;

    public FiguresExportResource(FiguresExport export, JsonWebToken token, AccessLog accessLog, DataSource dataSource) {
        this.dataSource = dataSource;
        this.export = export;
        this.token = token;
        this.accessLog = accessLog;
    }

    @GET
    @Path("/{personId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @Operation(operationId = "exportPersonFigures", summary = "A person's figures, for their export",
            description = "`asOf` (today in the organisation's calendar), `seriesFigures` (every series the person takes part in, "
                    + "with its figures as GET /series/{seriesId} computes them) and `assessments` (each series' last health "
                    + "assessment). For the person themself, or the organisation's integration exporting on their behalf; "
                    + "meetings-service's GET /me/export and GET /people/{personId}/export include it. The integration's read is "
                    + "recorded in the access log of the person and of each other participant of their series (FIGURES_EXPORT).")
    @APIResponse(responseCode = "200", description = "Streamed", content = @Content(schema = @Schema(implementation = FiguresExportDocument.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither a person nor the integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A person asking for someone else's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportPerson(@PathParam("personId") UUID personId) {
        Caller caller = Caller.of(token);
        if (!caller.is(Caller.INTEGRATION) && !personId.equals(caller.personId())) {
            throw new NotFoundException("No export of " + personId + " for you");
        }
        // the integration's read, directly or through meetings-service's GET /people/{personId}/export
        accessLog.export(caller, AccessKind.FIGURES_EXPORT, personId,
                () -> OtherParticipants.of(dataSource, "series_timeline", caller.organisationId(), personId));
        StreamingOutput document = out -> export.write(caller.organisationId(), personId, SeriesFiguresView::of, out);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The shape of the figures export, for the OpenAPI document. */
    @Schema(name = "FiguresExport", description = "A person's figures, for their export.")
    public record FiguresExportDocument(@Schema(required = true) java.time.LocalDate asOf,
            @Schema(required = true) java.util.List<SeriesFiguresView> seriesFigures,
            @Schema(required = true) java.util.List<java.util.Map<String, Object>> assessments) {
    }
}
