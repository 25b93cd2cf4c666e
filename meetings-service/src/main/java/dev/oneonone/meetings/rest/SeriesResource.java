package dev.oneonone.meetings.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.privacy.AccessKind;
import dev.oneonone.kit.privacy.AccessLog;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.application.series.SeriesCommands;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.series.CancelMeeting;
import dev.oneonone.meetings.domain.series.ChangeCadence;
import dev.oneonone.meetings.domain.series.EndSeries;
import dev.oneonone.meetings.domain.series.HistoryImport;
import dev.oneonone.meetings.domain.series.PauseSeries;
import dev.oneonone.meetings.domain.series.RecordMeetingHeld;
import dev.oneonone.meetings.domain.series.RescheduleMeeting;
import dev.oneonone.meetings.domain.series.ResumeSeries;
import dev.oneonone.meetings.domain.series.ScheduleMeeting;
import dev.oneonone.meetings.domain.series.ScheduleNextMeeting;
import dev.oneonone.meetings.domain.series.Series;
import dev.oneonone.meetings.domain.series.SeriesCommand;
import dev.oneonone.meetings.domain.series.StartSeries;
import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    private final JsonWebToken token;
    private final IdempotentCreates idempotent;
    private final AccessLog accessLog;

    public SeriesResource(SeriesCommands commands, Clock clock, JsonWebToken token, IdempotentCreates idempotent,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.commands = commands;
        this.clock = clock;
        this.token = token;
        this.idempotent = idempotent;
    }

    @POST
    @Operation(operationId = "startSeries", summary = "Start a 1:1 series", description = "Records SeriesStarted. Answers the series with its version in the ETag.")
    @APIResponse(responseCode = "201", description = "Series started",
            content = @Content(schema = @Schema(implementation = SeriesView.class)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing field", value = Problem.EXAMPLE_VALIDATION)))
    @APIResponse(responseCode = "403", description = "A person starting a series they do not take part in, or a role that cannot start series",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The two people already have an active series of this kind (series-exists)",
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
                request.startsOn(), request.preferredWeekday(), request.preferredTime(), clock.instant());
        return idempotent.once(caller, idempotencyKey, "POST /series", request, () -> commands
                .start(organisation, command)
                .chain(version -> findSeries(organisation, seriesId))
                .chain(series -> SeriesView.of(series, clock).map(view -> Response.created(URI.create("/series/" + seriesId))
                        .tag(Versions.tag(series.version)).entity(view).build())));
    }

    @GET
    @Path("/{seriesId}")
    @WithSession
    @Operation(operationId = "getSeries", summary = "Read a series", description = "The series as of its latest event; its version is in the ETag.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Authenticated
    public Uni<Response> get(@PathParam("seriesId") UUID seriesId) {
        Caller caller = Caller.of(token);
        return findVisibleSeries(caller, seriesId)
                .invoke(series -> accessLog.series(caller, AccessKind.SERIES, seriesId, series.leaderId, series.companionId))
                .chain(series -> SeriesView.of(series, clock)
                        .map(view -> Response.ok(view).tag(Versions.tag(series.version)).build()));
    }

    @POST
    @Path("/{seriesId}/meetings")
    @Operation(operationId = "scheduleMeeting", summary = "Schedule a meeting of the series",
            description = "Records MeetingScheduled. The first meeting of a series is marked as such. "
                    + "Send the series' version in If-Match to be sure nobody changed it meanwhile.")
    @APIResponse(responseCode = "201", description = "Meeting scheduled",
            content = @Content(schema = @Schema(implementation = MeetingView.class)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The series changed since the version in If-Match; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale version", value = Problem.EXAMPLE_CONFLICT)))
    @APIResponse(responseCode = "422", description = "A domain rule refused the meeting (e.g. in the past, on a paused day, before the series starts: before-series-start)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithTransaction
    public Uni<Response> schedule(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = "Version of the series the caller last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes retries safe: the same key and body answer the first answer again; "
                    + "the same key with another body is refused (422).") @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull ScheduleMeetingRequest request) {
        Caller caller = Caller.of(token);
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        UUID meetingId = UUID.randomUUID();
        ScheduleMeeting command = new ScheduleMeeting(meetingId, request.scheduledFor(), request.plannedMinutes(),
                clock.instant());
        // the access check comes before any replay: a key (kept per caller anyway) answers only within a visible series
        return findVisibleSeries(caller, seriesId).chain(visible -> idempotent.once(caller, idempotencyKey,
                "POST /series/" + seriesId + "/meetings", request,
                () -> commands.schedule(caller.organisationId(), seriesId, expectedVersion, command)
                        .chain(version -> MeetingOverview.<MeetingOverview>findById(meetingId)
                                .map(meeting -> Response.created(URI.create("/series/" + seriesId + "/meetings/" + meetingId))
                                        .tag(Versions.tag(version)).entity(MeetingView.of(meeting)).build()))));
    }

    @GET
    @Path("/{seriesId}/meetings")
    @WithSession
    @Operation(operationId = "listSeriesMeetings", summary = "List the meetings of a series",
            description = "Oldest first (by start, then id). Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MeetingPage.class)))
    @APIResponse(responseCode = "400", description = "A page size out of 1 to " + Paging.MAX_LIMIT + " or a malformed cursor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Authenticated
    public Uni<MeetingPage> meetings(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT)
            @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        Paging.InstantCursor cursor = after == null || after.isBlank() ? null : Paging.InstantCursor.parse(after);
        String query = "seriesId = :series" + (cursor == null ? ""
                : " and (scheduledFor > :afterAt or (scheduledFor = :afterAt and meetingId > :afterId))");
        Parameters parameters = Parameters.with("series", seriesId);
        if (cursor != null) {
            parameters.and("afterAt", cursor.at()).and("afterId", cursor.id());
        }
        Caller caller = Caller.of(token);
        return findVisibleSeries(caller, seriesId)
                .invoke(series -> accessLog.series(caller, AccessKind.SERIES_MEETINGS, seriesId, series.leaderId, series.companionId))
                .chain(series -> MeetingOverview.<MeetingOverview>find(query + " order by scheduledFor, meetingId", parameters)
                        .page(0, limit + 1).list())
                .map(rows -> MeetingPage.of(rows, limit));
    }

    @GET
    @Path("/{seriesId}/meetings/{meetingId}")
    @WithSession
    @Authenticated
    @Operation(operationId = "getMeeting", summary = "Get one meeting of a series",
            description = "The meeting as the series' meetings list shows it, to whoever may list them (an integration of the"
                    + " organisation, or one of the series' two people); the Location of scheduleMeeting and scheduleNextMeeting.")
    @APIResponse(responseCode = "200", description = "The meeting; ETag: the series' version, the If-Match of the meeting's changes",
            content = @Content(schema = @Schema(implementation = MeetingView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series in this organisation, or no such meeting in it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> meeting(@PathParam("seriesId") UUID seriesId, @PathParam("meetingId") UUID meetingId) {
        Caller caller = Caller.of(token);
        return findVisibleSeries(caller, seriesId)
                .chain(series -> MeetingOverview.<MeetingOverview>find("meetingId = ?1 and seriesId = ?2", meetingId, seriesId)
                        .firstResult().onItem().ifNull().failWith(() -> new NotFoundException("No meeting " + meetingId))
                        .invoke(meeting -> accessLog.series(caller, AccessKind.MEETING, seriesId, series.leaderId, series.companionId))
                        .map(meeting -> Response.ok(MeetingView.of(meeting)).tag(Versions.tag(series.version)).build()));
    }

    @GET
    @WithSession
    @Authenticated
    @Operation(operationId = "listSeries", summary = "List series", description = "A person gets the series they take part in; an integration "
            + "gets every series of its organisation. Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesPage.class)))
    @APIResponse(responseCode = "400", description = "A page size over " + Paging.MAX_LIMIT + " or a malformed cursor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<SeriesPage> list(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT)
            @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String cursor) {
        UUID after = Paging.afterId(cursor);
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
                .invoke(rows -> rows.stream().limit(limit).forEach(row -> accessLog.series(caller, AccessKind.SERIES_LIST,
                        row.seriesId, row.leaderId, row.companionId)))
                .chain(rows -> SeriesPage.of(rows, limit, clock));
    }

    @POST
    @Path("/{seriesId}/cadence")
    @Operation(operationId = "changeCadence", summary = "Change the cadence of a series",
            description = "Records CadenceChanged, optionally naming the recommendation it follows "
                    + "(e.g. STEP_DOWN_FROM_DAILY after onboarding). If-Match as for scheduling.")
    @APIResponse(responseCode = "200", description = "Cadence changed", content = @Content(schema = @Schema(implementation = SeriesView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match, or the series has ended (series-ended)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Same cadence (cadence-unchanged) or a recommendation that does not fit the change",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> changeCadence(@PathParam("seriesId") UUID seriesId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.ChangeCadenceRequest request) {
        return changeSeries(seriesId, ifMatch, new ChangeCadence(request.cadence(), request.recommendation(), clock.instant()),
                Series::changeCadence);
    }

    @POST
    @Path("/{seriesId}/pause")
    @Operation(operationId = "pauseSeries", summary = "Pause a series", description = "Records SeriesPaused for the days from 'from' to 'until' (both included, in the "
            + "series' time zone). Pauses do not overlap; paused days get no meetings and count toward no cadence figure.")
    @APIResponse(responseCode = "200", description = "Paused", content = @Content(schema = @Schema(implementation = SeriesView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match, or the series has ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Overlapping pause (pauses-overlap), ends before it starts, in the past or over a year, or "
            + "over a scheduled meeting (meetings-in-pause: the detail names them; move or cancel them first)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> pause(@PathParam("seriesId") UUID seriesId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleRequests.PauseSeriesRequest request) {
        return changeSeries(seriesId, ifMatch, new PauseSeries(request.from(), request.until(), clock.instant()), Series::pause);
    }

    @POST
    @Path("/{seriesId}/resume")
    @Operation(operationId = "resumeSeries", summary = "Resume a paused series", description = "Records SeriesResumed: the current pause (the one covering today, in the series' time zone) ends "
            + "the day before 'on' (a day within it, default today). A later pause is never shortened by a resume.")
    @APIResponse(responseCode = "200", description = "Resumed", content = @Content(schema = @Schema(implementation = SeriesView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match, not paused today (not-paused), or ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "'on' outside the current pause (resume-outside-current-pause)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> resume(@PathParam("seriesId") UUID seriesId, @HeaderParam("If-Match") String ifMatch,
            @Valid LifecycleRequests.ResumeSeriesRequest request) {
        return changeSeries(seriesId, ifMatch, new ResumeSeries(request == null ? null : request.on(), clock.instant()),
                Series::resume);
    }

    @POST
    @Path("/{seriesId}/end")
    @Operation(operationId = "endSeries", summary = "End a series", description = "Records SeriesEnded. An ended series accepts no more changes; the two people may start a new one.")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(schema = @Schema(implementation = SeriesView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match, or already ended (series-ended)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> end(@PathParam("seriesId") UUID seriesId, @HeaderParam("If-Match") String ifMatch) {
        return changeSeries(seriesId, ifMatch, EndSeries.byParticipant(clock.instant(), actingPerson(Caller.of(token))), Series::end);
    }

    @POST
    @Path("/{seriesId}/meetings/next")
    @Operation(operationId = "scheduleNextMeeting", summary = "Schedule the next meeting from the cadence",
            description = "Records MeetingScheduled at the next slot, by the rule of the calendar feed's planned slots: the "
                    + "first day of the current cadence after the last meeting's day, in phase with the cadence's anchor "
                    + "(DAILY: a working day), whose period holds no meeting and no pause and which is still ahead, at the "
                    + "preferred time in the series' time zone (else the last meeting's time, else 09:00). Without a "
                    + "preferred weekday or cadence change: the last meeting's day plus the interval on a working day.")
    @APIResponse(responseCode = "201", description = "Meeting scheduled", content = @Content(schema = @Schema(implementation = MeetingView.class)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "404", description = "No such series in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match, or the series has ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithTransaction
    public Uni<Response> scheduleNext(@PathParam("seriesId") UUID seriesId, @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes retries safe: the same key answers the first answer again.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        Caller caller = Caller.of(token);
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        UUID meetingId = UUID.randomUUID();
        return findVisibleSeries(caller, seriesId).chain(visible -> idempotent.once(caller, idempotencyKey,
                "POST /series/" + seriesId + "/meetings/next", "",
                () -> commands.execute(caller.organisationId(), seriesId, expectedVersion,
                                new ScheduleNextMeeting(meetingId, clock.instant()), Series::scheduleNext)
                        .chain(version -> MeetingOverview.<MeetingOverview>findById(meetingId)
                                .map(meeting -> Response.created(URI.create("/series/" + seriesId + "/meetings/" + meetingId))
                                        .tag(Versions.tag(version)).entity(MeetingView.of(meeting)).build()))));
    }

    @POST
    @Path("/{seriesId}/meetings/{meetingId}/reschedule")
    @Operation(operationId = "rescheduleMeeting", summary = "Reschedule a meeting",
            description = "Records MeetingRescheduled with who moved it and why (a reason kind). Rescheduling is not cancelling; "
                    + "a meeting that already started cannot be moved.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = MeetingView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series or meeting in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match; the meeting is held, cancelled, missed or already started; the series ended",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The new start is in the past, the same, on a paused day, or before the series starts (before-series-start)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> reschedule(@PathParam("seriesId") UUID seriesId, @PathParam("meetingId") UUID meetingId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull LifecycleRequests.RescheduleMeetingRequest request) {
        Caller caller = Caller.of(token);
        return changeMeeting(caller, seriesId, meetingId, ifMatch, new RescheduleMeeting(meetingId, request.to(),
                actingPerson(caller), request.reason(), clock.instant()), Series::reschedule);
    }

    @POST
    @Path("/{seriesId}/meetings/{meetingId}/held")
    @Operation(operationId = "recordMeetingHeld", summary = "Record a meeting as held",
            description = "Records MeetingHeld with the real start, duration and mode; may be recorded after the fact "
                    + "(also for a meeting already counted as missed). The event's time is heldAt, not the time of the record.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = MeetingView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series or meeting in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match; already held, or cancelled; the series ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "heldAt in the future or before the series started", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> held(@PathParam("seriesId") UUID seriesId, @PathParam("meetingId") UUID meetingId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull LifecycleRequests.RecordHeldRequest request) {
        Caller caller = Caller.of(token);
        return changeMeeting(caller, seriesId, meetingId, ifMatch, new RecordMeetingHeld(meetingId, request.heldAt(),
                request.actualMinutes(), request.mode(), clock.instant()), Series::recordHeld);
    }

    @POST
    @Path("/{seriesId}/meetings/{meetingId}/cancel")
    @Operation(operationId = "cancelMeeting", summary = "Cancel a meeting",
            description = "Records MeetingCancelled with who and why (a reason kind). Held meetings cannot be cancelled. "
                    + "Prefer rescheduling or a short catch-up: cancellations are tracked apart from reschedules.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = MeetingView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such series or meeting in this organisation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match; already held, cancelled or missed; the series ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithSession
    public Uni<Response> cancel(@PathParam("seriesId") UUID seriesId, @PathParam("meetingId") UUID meetingId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull LifecycleRequests.CancelMeetingRequest request) {
        Caller caller = Caller.of(token);
        return changeMeeting(caller, seriesId, meetingId, ifMatch, new CancelMeeting(meetingId, actingPerson(caller),
                request.reason(), clock.instant()), Series::cancel);
    }

    @POST
    @Path("/import")
    @Operation(operationId = "importSeriesHistory", summary = "Import past series and their meetings",
            description = "For an HR platform moving history in: series with their real dates, meetings held (real duration), "
                    + "rescheduled and cancelled. All or nothing: if any row is refused, nothing is stored and every refused "
                    + "row is reported, field by field (e.g. series[3].meetings[2].heldAt). Events carry the real dates as their time.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one series", value = ImportRequests.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(schema = @Schema(implementation = ImportRequests.ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration imports history", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows refused by domain rules; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Caller.INTEGRATION)
    @WithTransaction
    public Uni<Response> importHistory(
            @Parameter(description = "Makes retries safe: the same key and body answer the first answer again; "
                    + "the same key with another body is refused (422).") @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull ImportRequests.ImportHistoryRequest request) {
        Caller caller = Caller.of(token);
        Instant now = clock.instant();
        List<HistoryImport.ImportedSeries> rows = request.series().stream().map(row -> HistoryImports.toCommand(row, now)).toList();
        return idempotent.once(caller, idempotencyKey, "POST /series/import", request,
                () -> commands.importHistory(caller.organisationId(), rows)
                        .map(ids -> Response.status(201).entity(new ImportRequests.ImportResult(ids)).build()));
    }

    /** The person acting, or null when an integration acts. */
    private static UUID actingPerson(Caller caller) {
        return caller.is(Caller.INTEGRATION) ? null : caller.personId();
    }

    private <C extends SeriesCommand> Uni<Response> changeSeries(UUID seriesId, String ifMatch, C command,
            BiFunction<Series, C, Decision> decide) {
        Caller caller = Caller.of(token);
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        return findVisibleSeries(caller, seriesId)
                .chain(series -> commands.execute(caller.organisationId(), seriesId, expectedVersion, command, decide))
                .chain(version -> findSeries(caller.organisationId(), seriesId))
                .chain(series -> SeriesView.of(series, clock)
                        .map(view -> Response.ok(view).tag(Versions.tag(series.version)).build()));
    }

    private <C extends SeriesCommand> Uni<Response> changeMeeting(Caller caller, UUID seriesId, UUID meetingId,
            String ifMatch, C command, BiFunction<Series, C, Decision> decide) {
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        return findVisibleSeries(caller, seriesId)
                .chain(series -> MeetingOverview.<MeetingOverview>find("meetingId = ?1 and seriesId = ?2", meetingId, seriesId)
                        .firstResult().onItem().ifNull().failWith(() -> new NotFoundException("No meeting " + meetingId)))
                .chain(meeting -> commands.execute(caller.organisationId(), seriesId, expectedVersion, command, decide))
                .chain(version -> MeetingOverview.<MeetingOverview>findById(meetingId)
                        .map(meeting -> Response.ok(MeetingView.of(meeting)).tag(Versions.tag(version)).build()));
    }

    /**
     * The series, when the caller may see it: an integration of its organisation, or one of its two people.
     * Fails with 404 otherwise, the same answer as for a series that does not exist.
     */
    public static Uni<SeriesOverview> findVisibleSeries(Caller caller, UUID seriesId) {
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

}
