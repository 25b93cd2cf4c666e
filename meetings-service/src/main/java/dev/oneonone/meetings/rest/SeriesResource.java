package dev.oneonone.meetings.rest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.meetings.domain.ScheduleMeeting;
import dev.oneonone.meetings.domain.StartSeries;
import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.rest.problem.Problem;
import dev.oneonone.meetings.service.SeriesCommands;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/series")
@Tag(name = "Series", description = "1:1 series and their meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeriesResource {
    private static final String PROBLEM = "application/problem+json";

    private final SeriesCommands commands;
    private final Clock clock;

    public SeriesResource(SeriesCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Start a 1:1 series", description = "Records SeriesStarted. Answers the series with its version in the ETag.")
    @APIResponse(responseCode = "201", description = "Series started",
            content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing field", value = Problem.EXAMPLE_VALIDATION)))
    @APIResponse(responseCode = "422", description = "A domain rule refused the series (e.g. same person twice, unknown time zone)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@Parameter(description = "Organisation the caller acts for") @HeaderParam(Organisation.HEADER) String organisationId, @Valid @NotNull StartSeriesRequest request) {
        String organisation = Organisation.require(organisationId);
        UUID seriesId = UUID.randomUUID();
        StartSeries command = new StartSeries(seriesId, request.leaderId(), request.companionId(),
                request.relationship(), request.cadence(), request.plannedMinutes(), request.timeZone(),
                request.startsOn(), clock.instant());
        return commands.start(organisation, command)
                .chain(version -> findSeries(organisation, seriesId))
                .map(series -> Response.created(URI.create("/series/" + seriesId))
                        .tag(etag(series.version)).entity(SeriesView.of(series)).build());
    }

    @GET
    @Path("/{seriesId}")
    @WithSession
    @Operation(summary = "Read a series", description = "The series as of its latest event; its version is in the ETag.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "404", description = "No such series in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@HeaderParam(Organisation.HEADER) String organisationId,
            @PathParam("seriesId") UUID seriesId) {
        return findSeries(Organisation.require(organisationId), seriesId)
                .map(series -> Response.ok(SeriesView.of(series)).tag(etag(series.version)).build());
    }

    @POST
    @Path("/{seriesId}/meetings")
    @Operation(summary = "Schedule a meeting of the series",
            description = "Records MeetingScheduled. The first meeting of a series is marked as such. "
                    + "Send the series' version in If-Match to be sure nobody changed it meanwhile.")
    @APIResponse(responseCode = "201", description = "Meeting scheduled",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The series changed since the version in If-Match; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale version", value = Problem.EXAMPLE_CONFLICT)))
    @APIResponse(responseCode = "422", description = "A domain rule refused the meeting (e.g. in the past)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> schedule(@HeaderParam(Organisation.HEADER) String organisationId,
            @PathParam("seriesId") UUID seriesId,
            @Parameter(description = "Version of the series the caller last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ScheduleMeetingRequest request) {
        String organisation = Organisation.require(organisationId);
        UUID meetingId = UUID.randomUUID();
        ScheduleMeeting command = new ScheduleMeeting(meetingId, request.scheduledFor(), request.plannedMinutes(),
                clock.instant());
        return commands.schedule(organisation, seriesId, Versions.fromIfMatch(ifMatch), command)
                .chain(version -> MeetingOverview.<MeetingOverview>findById(meetingId)
                        .map(meeting -> Response.created(URI.create("/series/" + seriesId + "/meetings/" + meetingId))
                                .tag(etag(version)).entity(MeetingView.of(meeting)).build()));
    }

    @GET
    @Path("/{seriesId}/meetings")
    @WithSession
    @Operation(summary = "List the meetings of a series", description = "Oldest first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MeetingView[].class)))
    @APIResponse(responseCode = "404", description = "No such series in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<List<MeetingView>> meetings(@HeaderParam(Organisation.HEADER) String organisationId,
            @PathParam("seriesId") UUID seriesId) {
        String organisation = Organisation.require(organisationId);
        return findSeries(organisation, seriesId)
                .chain(series -> MeetingOverview.<MeetingOverview>list("seriesId = ?1 order by scheduledFor", seriesId))
                .map(meetings -> meetings.stream().map(MeetingView::of).toList());
    }

    private static Uni<SeriesOverview> findSeries(String organisationId, UUID seriesId) {
        return SeriesOverview.<SeriesOverview>find("seriesId = ?1 and organisationId = ?2", seriesId, organisationId)
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No series " + seriesId));
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
