package dev.oneonone.meetings.rest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
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
import dev.oneonone.meetings.security.Caller;
import dev.oneonone.meetings.service.SeriesCommands;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
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

    static final int MAX_PAGE_SIZE = 100;

    private final SeriesCommands commands;
    private final Clock clock;
    private final JsonWebToken token;
    private final IdempotentCreates idempotent;

    public SeriesResource(SeriesCommands commands, Clock clock, JsonWebToken token, IdempotentCreates idempotent) {
        this.commands = commands;
        this.clock = clock;
        this.token = token;
        this.idempotent = idempotent;
    }

    @POST
    @Operation(summary = "Start a 1:1 series", description = "Records SeriesStarted. Answers the series with its version in the ETag.")
    @APIResponse(responseCode = "201", description = "Series started",
            content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing field", value = Problem.EXAMPLE_VALIDATION)))
    @APIResponse(responseCode = "403", description = "A person starting a series they do not take part in, or a role that cannot start series",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A domain rule refused the series (e.g. same person twice, unknown time zone)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithTransaction
    public Uni<Response> start(
            @Parameter(description = "Makes retries safe: the same key and body answer the first answer again; "
                    + "the same key with another body is refused (422).", example = "3f1c9a52-start-series-42")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull StartSeriesRequest request) {
        Caller caller = Caller.of(token);
        if (!caller.is(Caller.INTEGRATION) && !caller.takesPartIn(request.leaderId(), request.companionId())) {
            throw new ForbiddenException("A person can start only a series they take part in");
        }
        String organisation = caller.organisationId();
        UUID seriesId = UUID.randomUUID();
        StartSeries command = new StartSeries(seriesId, request.leaderId(), request.companionId(),
                request.relationship(), request.cadence(), request.plannedMinutes(), request.timeZone(),
                request.startsOn(), clock.instant());
        return idempotent.once(organisation, idempotencyKey, "POST /series", request, () -> commands
                .start(organisation, command)
                .chain(version -> findSeries(organisation, seriesId))
                .map(series -> Response.created(URI.create("/series/" + seriesId))
                        .tag(etag(series.version)).entity(SeriesView.of(series)).build()));
    }

    @GET
    @Path("/{seriesId}")
    @WithSession
    @Operation(summary = "Read a series", description = "The series as of its latest event; its version is in the ETag.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "404", description = "No such series in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Authenticated
    public Uni<Response> get(@PathParam("seriesId") UUID seriesId) {
        return findVisibleSeries(Caller.of(token), seriesId)
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
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> schedule(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = "Version of the series the caller last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ScheduleMeetingRequest request) {
        Caller caller = Caller.of(token);
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        UUID meetingId = UUID.randomUUID();
        ScheduleMeeting command = new ScheduleMeeting(meetingId, request.scheduledFor(), request.plannedMinutes(),
                clock.instant());
        return findVisibleSeries(caller, seriesId)
                .chain(series -> commands.schedule(caller.organisationId(), seriesId, expectedVersion, command))
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
    @Authenticated
    public Uni<List<MeetingView>> meetings(@PathParam("seriesId") UUID seriesId) {
        return findVisibleSeries(Caller.of(token), seriesId)
                .chain(series -> MeetingOverview.<MeetingOverview>list("seriesId = ?1 order by scheduledFor", seriesId))
                .map(meetings -> meetings.stream().map(MeetingView::of).toList());
    }

    @GET
    @WithSession
    @Authenticated
    @Operation(summary = "List series", description = "A person gets the series they take part in; an integration "
            + "gets every series of its organisation. Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesPage.class)))
    @APIResponse(responseCode = "400", description = "A page size over " + MAX_PAGE_SIZE + " or a malformed cursor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<SeriesPage> list(
            @Parameter(description = "Page size, 1 to " + MAX_PAGE_SIZE, example = "50") @QueryParam("limit") @DefaultValue("50")
            @Min(1) @Max(MAX_PAGE_SIZE) int limit,
            @Parameter(description = "Cursor: the 'next' of the previous page") @QueryParam("after") UUID after) {
        Caller caller = Caller.of(token);
        StringBuilder query = new StringBuilder("organisationId = :org");
        Parameters parameters = Parameters.with("org", caller.organisationId());
        if (!caller.is(Caller.INTEGRATION)) {
            query.append(" and (leaderId = :person or companionId = :person)");
            parameters.and("person", caller.personId() == null ? new UUID(0, 0) : caller.personId());
        }
        if (after != null) {
            query.append(" and seriesId > :after");
            parameters.and("after", after);
        }
        return SeriesOverview.<SeriesOverview>find(query + " order by seriesId", parameters)
                .page(0, limit + 1).list()
                .map(rows -> SeriesPage.of(rows, limit));
    }

    /** The series, when the caller may see it: an integration of its organisation, or one of its two people. */
    private static Uni<SeriesOverview> findVisibleSeries(Caller caller, UUID seriesId) {
        return findSeries(caller.organisationId(), seriesId)
                .invoke(series -> {
                    if (!caller.is(Caller.INTEGRATION) && !caller.takesPartIn(series.leaderId, series.companionId)) {
                        // the same answer as for a series that does not exist: no existence leak
                        throw new NotFoundException("No series " + seriesId);
                    }
                });
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
