package dev.oneonone.insights.rest;

import java.time.Clock;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.insights.projection.MeetingInsight;
import dev.oneonone.insights.projection.SeriesInsight;
import dev.oneonone.insights.rest.problem.InvalidInputException;
import dev.oneonone.insights.rest.problem.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/series")
@Tag(name = "Series insights", description = "Cadence figures per series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesInsightResource {
    static final String ORGANISATION = "X-Organisation-Id";

    private final Clock clock;

    public SeriesInsightResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Path("/{seriesId}")
    @WithSession
    @Operation(summary = "Read a series' insights", description = "The series and its next meeting, from the events consumed so far.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesInsightView.class)))
    @APIResponse(responseCode = "404", description = "No such series in this organisation (or its events have not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SeriesInsightView> series(@HeaderParam(ORGANISATION) String organisationId,
            @PathParam("seriesId") UUID seriesId) {
        String organisation = requireOrganisation(organisationId);
        return SeriesInsight.<SeriesInsight>find("seriesId = ?1 and organisationId = ?2", seriesId, organisation)
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No series " + seriesId))
                .chain(series -> MeetingInsight.<MeetingInsight>find(
                                "seriesId = ?1 and status = ?2 and scheduledFor >= ?3 order by scheduledFor",
                                seriesId, MeetingInsight.SCHEDULED, clock.instant())
                        .firstResult()
                        .map(next -> SeriesInsightView.of(series, next)));
    }

    static String requireOrganisation(String organisationId) {
        if (organisationId == null || !organisationId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidInputException(ORGANISATION, "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return organisationId;
    }
}
