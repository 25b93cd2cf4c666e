package dev.oneonone.meetings.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.projection.ProjectionRebuild;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/admin")
@Tag(name = "Administration", description = "Operations on the service itself")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final ProjectionRebuild rebuild;
    private final JsonWebToken token;

    public AdminResource(ProjectionRebuild rebuild, JsonWebToken token) {
        this.rebuild = rebuild;
        this.token = token;
    }

    @Schema(name = "RebuildResult")
    public record RebuildResult(@Schema(description = "Events replayed", example = "1200") long events) {
    }

    @POST
    @Path("/projections/rebuild")
    @Operation(operationId = "rebuildMeetingsProjections", summary = "Rebuild the read models from the events",
            description = "Empties series_overview, meeting_overview, series_pause and series_rhythm and replays every stored event, of every "
                    + "organisation, in order, in one transaction. Writes wait meanwhile; reads see the old rows until it ends.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RebuildResult.class)))
    @APIResponse(responseCode = "403", description = "Only an integration may rebuild",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Caller.INTEGRATION)
    @WithSession
    public Uni<RebuildResult> rebuild() {
        Caller.of(token); // a token without a valid organisation claim is refused (403) here as everywhere
        return rebuild.rebuild().map(RebuildResult::new);
    }
}
