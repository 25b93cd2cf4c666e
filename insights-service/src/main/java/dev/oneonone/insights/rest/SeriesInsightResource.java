package dev.oneonone.insights.rest;

import java.time.Clock;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.insights.projection.MeetingInsight;
import dev.oneonone.insights.projection.SeriesInsight;
import dev.oneonone.insights.rest.problem.Problem;
import dev.oneonone.insights.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/series")
@Tag(name = "Series insights", description = "Cadence figures per series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesInsightResource {
    private final Clock clock;
    private final JsonWebToken token;

    public SeriesInsightResource(Clock clock, JsonWebToken token) {
        this.clock = clock;
        this.token = token;
    }

    @GET
    @Path("/{seriesId}")
    @WithSession
    @Operation(summary = "Read a series' insights", description = "The series and its next meeting, from the events consumed so far.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesInsightView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series visible to the caller (or its events have not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION, Caller.DIRECTOR, Caller.HR })
    public Uni<SeriesInsightView> series(@PathParam("seriesId") UUID seriesId) {
        Caller caller = Caller.of(token);
        // one statement, so the series and its next meeting come from the same snapshot
        String query = """
                select s, m from SeriesInsight s
                left join MeetingInsight m on m.seriesId = s.seriesId and m.status = :scheduled and m.scheduledFor >= :now
                where s.seriesId = :series and s.organisationId = :organisation
                order by m.scheduledFor""";
        return Panache.getSession().chain(session -> session.createSelectionQuery(query, Object[].class)
                        .setParameter("scheduled", MeetingInsight.SCHEDULED)
                        .setParameter("now", clock.instant())
                        .setParameter("series", seriesId)
                        .setParameter("organisation", caller.organisationId())
                        .setMaxResults(1)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new NotFoundException("No series " + seriesId))
                .map(row -> {
                    SeriesInsight series = (SeriesInsight) row[0];
                    if (!seesOrganisationInsights(caller) && !caller.takesPartIn(series.leaderId, series.companionId)) {
                        throw new NotFoundException("No series " + seriesId);
                    }
                    return SeriesInsightView.of(series, (MeetingInsight) row[1]);
                });
    }

    /** Directors, HR and the organisation's integration see every series' figures; a person only their own. */
    private static boolean seesOrganisationInsights(Caller caller) {
        return caller.is(Caller.INTEGRATION) || caller.is(Caller.DIRECTOR) || caller.is(Caller.HR);
    }
}
