package dev.oneonone.agenda.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;
import dev.oneonone.agenda.rest.problem.Problem;
import dev.oneonone.agenda.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/meetings")
@Tag(name = "Agenda", description = "The agenda of each meeting, seen only by its two participants")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {
    private final JsonWebToken token;

    public AgendaResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Path("/{meetingId}/agenda")
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Read a meeting's agenda",
            description = "Only the meeting's two participants see it. Known here as soon as meetings-service's "
                    + "MeetingScheduled event has arrived.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person (1:1 content is never shown to other roles)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgendaView> agenda(@PathParam("meetingId") UUID meetingId) {
        Caller caller = Caller.of(token);
        return KnownMeeting.<KnownMeeting>find("meetingId = ?1 and organisationId = ?2", meetingId,
                        caller.organisationId())
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No meeting " + meetingId))
                .chain(meeting -> KnownSeries.<KnownSeries>findById(meeting.seriesId)
                        .map(series -> {
                            if (!caller.takesPartIn(series.leaderId, series.companionId)) {
                                // the same answer as for a meeting that does not exist: no existence leak
                                throw new NotFoundException("No meeting " + meetingId);
                            }
                            return AgendaView.of(meeting, series);
                        }));
    }
}
