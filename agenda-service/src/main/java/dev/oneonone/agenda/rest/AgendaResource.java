package dev.oneonone.agenda.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;
import dev.oneonone.agenda.rest.problem.InvalidInputException;
import dev.oneonone.agenda.rest.problem.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/meetings")
@Tag(name = "Agenda", description = "The agenda of each meeting")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {
    static final String ORGANISATION = "X-Organisation-Id";

    @GET
    @Path("/{meetingId}/agenda")
    @WithSession
    @Operation(summary = "Read a meeting's agenda",
            description = "Known as soon as meetings-service's MeetingScheduled event has arrived here.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting in this organisation (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgendaView> agenda(@HeaderParam(ORGANISATION) String organisationId,
            @PathParam("meetingId") UUID meetingId) {
        String organisation = requireOrganisation(organisationId);
        return KnownMeeting.<KnownMeeting>find("meetingId = ?1 and organisationId = ?2", meetingId, organisation)
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No meeting " + meetingId))
                .chain(meeting -> KnownSeries.<KnownSeries>findById(meeting.seriesId)
                        .map(series -> AgendaView.of(meeting, series)));
    }

    static String requireOrganisation(String organisationId) {
        if (organisationId == null || !organisationId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidInputException(ORGANISATION, "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return organisationId;
    }
}
