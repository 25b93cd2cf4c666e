package dev.oneonone.insights.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.events.insights.Health;
import dev.oneonone.insights.application.RollupService;
import dev.oneonone.insights.application.SeriesFiguresService;
import dev.oneonone.insights.domain.figures.SeriesTimeline;
import dev.oneonone.insights.domain.figures.SeriesTimeline.MeetingRecord;
import dev.oneonone.insights.domain.figures.SeriesTimeline.Move;
import dev.oneonone.insights.domain.rollup.Visibility;
import dev.oneonone.kit.input.DateRange;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.privacy.AccessKind;
import dev.oneonone.kit.privacy.AccessLog;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/series")
@Tag(name = "Series insights", description = "Cadence health, adherence, follow-through and preparation per series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesInsightResource {
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_WEEKS = 104;
    private static final String AS_OF = "The date the figures are computed as of (YYYY-MM-DD, in each series' time zone); "
            + "default today in the organisation's time zone. Only what happened by the end of that day counts.";

    private final SeriesFiguresService figures;
    private final RollupService rollups;
    private final Clock clock;
    private final JsonWebToken token;

    private final AccessLog accessLog;

    public SeriesInsightResource(SeriesFiguresService figures, RollupService rollups, Clock clock, JsonWebToken token,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.figures = figures;
        this.rollups = rollups;
        this.clock = clock;
        this.token = token;
    }

    @GET
    @Path("/{seriesId}")
    @Operation(operationId = "getSeriesFigures", summary = "Read a series' figures", description = "The series, its next meeting and every figure of "
            + "docs/insights.md as of a date, computed from the events consumed so far.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesInsightView.class),
            examples = @ExampleObject(name = "weekly series", value = EXAMPLE_SERIES)))
    @APIResponse(responseCode = "400", description = "A malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series visible to the caller (or its events have not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION, Caller.DIRECTOR, Caller.HR })
    public Uni<SeriesInsightView> series(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = AS_OF, example = "2026-03-02", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf) {
        Caller caller = Caller.of(token);
        LocalDate day = asOf(asOf, caller);
        return visibleTimeline(caller, seriesId, day).map(series -> {
            accessLog.series(caller, AccessKind.SERIES_FIGURES, seriesId, series.leaderId(), series.companionId());
            var figuresNow = figures.figuresOf(series, day);
            return new SeriesInsightView(series.seriesId(), series.leaderId(), series.companionId(),
                    series.relationship().name(), figuresNow.cadence().name(), series.startsOn(), series.zone().getId(),
                    figuresNow.scheduled(), nextMeeting(series, clock.instant()), SeriesFiguresView.of(figuresNow));
        });
    }

    @GET
    @Path("/{seriesId}/trend")
    @Operation(operationId = "getSeriesTrend", summary = "A series' weekly trend", description = "The figures at the end of each of the last `weeks` "
            + "weeks (asOf, asOf - 7 days, ...), oldest first, each from what was known by the end of that day.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesTrendView.class)))
    @APIResponse(responseCode = "400", description = "weeks out of 1 to " + MAX_WEEKS + ", or a malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION, Caller.DIRECTOR, Caller.HR })
    public Uni<SeriesTrendView> trend(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = "How many week ends, 1 to " + MAX_WEEKS, example = "12")
            @QueryParam("weeks") @DefaultValue("12") @Min(1) @Max(MAX_WEEKS) int weeks,
            @Parameter(description = AS_OF, example = "2026-03-02", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf) {
        Caller caller = Caller.of(token);
        LocalDate day = asOf(asOf, caller);
        return visibleTimeline(caller, seriesId, day).map(series -> {
            accessLog.series(caller, AccessKind.SERIES_TREND, seriesId, series.leaderId(), series.companionId());
            List<SeriesFiguresView> points = new java.util.ArrayList<>(weeks);
            for (int week = weeks - 1; week >= 0; week--) {
                points.add(SeriesFiguresView.of(figures.figuresOf(series, day.minusWeeks(week))));
            }
            return new SeriesTrendView(seriesId, day, weeks, points);
        });
    }

    @GET
    @Operation(operationId = "listSeriesFigures", summary = "List the organisation's series figures", description = "Every series of the caller's "
            + "organisation (current, not yet started and ended: see `current`) with its figures as of a date, by "
            + "series id; for a director, the series whose companion is in their reporting subtree on that date. `health` keeps the current series of that health. Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SeriesFiguresPage.class)))
    @APIResponse(responseCode = "400", description = "A page size out of 1 to " + MAX_PAGE_SIZE
            + ", a malformed cursor, health or asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only directors, HR and the organisation's integration read the list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.INTEGRATION, Caller.DIRECTOR, Caller.HR })
    public Uni<SeriesFiguresPage> list(
            @Parameter(description = AS_OF, example = "2026-03-02", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "Only current series of this health", example = "OVERDUE",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "HEALTHY", "AT_RISK", "OVERDUE" }))
            @QueryParam("health") String health,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String cursor,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int limit) {
        Caller caller = Caller.of(token);
        LocalDate day = asOf(asOf, caller);
        Health wanted = health(health);
        UUID after = Paging.afterId(cursor);
        return Uni.combine().all().unis(figures.forOrganisation(caller.organisationId(), day),
                rollups.visibility(caller, caller.organisationId(), day)).asTuple().map(both -> {
            Visibility visibility = both.getItem2();
            List<SeriesFiguresView> page = both.getItem1().stream()
                    .filter(f -> visibility.sees(f.companionId()) || caller.takesPartIn(f.leaderId(), f.companionId()))
                    .filter(f -> wanted == null || (f.current() && f.health() == wanted))
                    .filter(f -> after == null || f.seriesId().compareTo(after) > 0)
                    .sorted(Comparator.comparing(f -> f.seriesId()))
                    .limit(limit + 1L)
                    .map(SeriesFiguresView::of)
                    .toList();
            page.stream().limit(limit).forEach(f -> accessLog.series(caller, AccessKind.SERIES_FIGURES_LIST, f.seriesId(),
                    f.leaderId(), f.companionId()));
            String next = page.size() > limit ? page.get(limit - 1).seriesId().toString() : null;
            return new SeriesFiguresPage(day, page.size() > limit ? page.subList(0, limit) : page, next);
        });
    }

    /**
     * The series when the caller may see it as of the date: its two participants; HR and the integration;
     * a director when its companion is in their reporting subtree on that date (the rollups' rule: a
     * group's series are those whose companion is in the group). Otherwise 404, like an unknown id.
     */
    private Uni<SeriesTimeline> visibleTimeline(Caller caller, UUID seriesId, LocalDate day) {
        return figures.timeline(caller.organisationId(), seriesId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No series " + seriesId))
                .chain(series -> {
                    if (caller.takesPartIn(series.leaderId(), series.companionId())) {
                        return Uni.createFrom().item(series);
                    }
                    if (!seesOrganisationInsights(caller)) {
                        return Uni.createFrom().failure(new NotFoundException("No series " + seriesId));
                    }
                    return rollups.visibility(caller, caller.organisationId(), day).map(visibility -> {
                        if (!visibility.sees(series.companionId())) {
                            throw new NotFoundException("No series " + seriesId);
                        }
                        return series;
                    });
                });
    }

    /** The earliest meeting not held, cancelled or missed whose latest known time is still ahead. */
    static SeriesInsightView.NextMeeting nextMeeting(SeriesTimeline series, Instant now) {
        SeriesInsightView.NextMeeting next = null;
        for (MeetingRecord meeting : series.meetings()) {
            if (meeting.scheduledAt() == null || meeting.heldAt() != null || meeting.cancelledAt() != null
                    || meeting.missedAt() != null) {
                continue;
            }
            Instant at = meeting.moves().stream().max(Comparator.comparing(Move::occurredAt)).map(Move::to)
                    .orElse(meeting.scheduledFor());
            if (!at.isBefore(now) && (next == null || at.isBefore(next.scheduledFor()))) {
                next = new SeriesInsightView.NextMeeting(meeting.meetingId(), at);
            }
        }
        return next;
    }

    private LocalDate asOf(String asOf, Caller caller) {
        if (asOf == null || asOf.isBlank()) {
            return figures.today(caller.organisationId());
        }
        LocalDate day;
        try {
            day = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "must be a date YYYY-MM-DD");
        }
        if (!DateRange.contains(day)) {
            throw new InvalidInputException(java.util.List.of(new FieldError("asOf", DateRange.MESSAGE, DateRange.OUT_OF_RANGE)));
        }
        return day;
    }

    private static Health health(String health) {
        if (health == null || health.isBlank()) {
            return null;
        }
        try {
            return Health.valueOf(health);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("health", "must be one of HEALTHY, AT_RISK, OVERDUE");
        }
    }

    /** Directors (within their subtree), HR and the organisation's integration see others' series; a person only their own. */
    private static boolean seesOrganisationInsights(Caller caller) {
        return caller.is(Caller.INTEGRATION) || caller.is(Caller.DIRECTOR) || caller.is(Caller.HR);
    }

    private static final String EXAMPLE_SERIES = """
            {"seriesId":"0b5e6a4c-3f0e-4a59-9a57-2d1f7c3e9b10","leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01",
             "companionId":"1c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f","relationship":"MANAGER_REPORT","cadence":"WEEKLY",
             "startsOn":"2025-11-03","timeZone":"Europe/Berlin","meetingsScheduled":18,
             "nextMeeting":{"meetingId":"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a","scheduledFor":"2026-03-05T09:00:00Z"},
             "figures":{"seriesId":"0b5e6a4c-3f0e-4a59-9a57-2d1f7c3e9b10","leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01",
              "companionId":"1c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f","relationship":"MANAGER_REPORT","cadence":"WEEKLY",
              "asOf":"2026-03-02","current":true,"paused":false,"expectedIntervalDays":7,"gapDays":5,"health":"HEALTHY",
              "heldInWindow":11,"expectedInWindow":12.0,"adherence":0.9167,"held":16,"cancelled":1,"scheduled":18,
              "rescheduledAtLeastOnce":3,"cancellationRate":0.0588,"rescheduleRate":0.1667,
              "followThrough":{"due":8,"completedOnTime":6,"rate":0.75,"leaderRate":0.8,"companionRate":0.6667,
               "openOverdue":1,"medianDaysToComplete":4.5},
              "preparationRate":0.75,"shortMeetingStreak":0,"recommendations":[]}}""";
}
