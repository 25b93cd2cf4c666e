package dev.oneonone.insights.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.insights.projection.ProjectionReplay;
import dev.oneonone.kit.problem.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.oneonone.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/admin/projections/replay")
@Tag(name = "Administration", description = "Operations on the service itself")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final ProjectionReplay replay;
    private final JsonWebToken token;

    public AdminResource(ProjectionReplay replay, JsonWebToken token) {
        this.replay = replay;
        this.token = token;
    }

    @Schema(name = "ReplayStatus")
    public record ReplayStatusView(
            @Schema(description = "IDLE, RUNNING, DONE or FAILED", example = "RUNNING") String state,
            @Schema(description = "Events applied so far", example = "120000") long events,
            @Schema(description = "Events to apply: the records on the topics when the replay began (0 until known)",
                    example = "250000") long total,
            @Schema(nullable = true, example = "2026-03-02T08:00:00Z") Instant startedAt,
            @Schema(nullable = true, description = "Null while running", example = "2026-03-02T08:01:30Z") Instant finishedAt) {
        static ReplayStatusView of(ProjectionReplay.Status status) {
            return new ReplayStatusView(status.state().name(), status.events(), status.total(), status.startedAt(),
                    status.finishedAt());
        }
    }

    @POST
    @Operation(operationId = "startProjectionReplay", summary = "Rebuild the projections from the first event on Kafka",
            description = "Starts a replay of oneonone.meetings.v1 and oneonone.agenda.v1 from offset 0 into copies of "
                    + "the projection tables, then swaps them in at once. The service keeps answering from the current "
                    + "tables meanwhile. Answers at once; follow with GET. Asking while a replay runs starts no second one.")
    @APIResponse(responseCode = "202", description = "The replay runs",
            content = @Content(schema = @Schema(implementation = ReplayStatusView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration may replay",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "history-incomplete: Kafka no longer holds the first records of a "
            + "partition (retention deleted them); a replay would lose them, so none starts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "kafka-unavailable: Kafka could not be asked; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Caller.INTEGRATION)
    public Response start() {
        Caller.of(token); // a token without a valid organisation claim is refused (403) here as everywhere
        return Response.accepted(ReplayStatusView.of(replay.start())).build();
    }

    @GET
    @Operation(operationId = "getProjectionReplay", summary = "Where the last replay stands",
            description = "The state and progress of the last projection replay (POST /admin/projections/replay).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReplayStatusView.class)))
    @APIResponse(responseCode = "403", description = "Only an integration may replay",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Caller.INTEGRATION)
    public ReplayStatusView status() {
        Caller.of(token);
        return ReplayStatusView.of(replay.status());
    }
}
