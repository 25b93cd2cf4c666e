package dev.oneonone.meetings.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.privacy.AccessKind;
import dev.oneonone.kit.privacy.AccessLog;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.domain.series.Series;
import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/meetings")
@Tag(name = "Meetings", description = "Meetings across series")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {
    private final JsonWebToken token;
    private final AccessLog accessLog;

    public MeetingsResource(JsonWebToken token, AccessLog accessLog) {
        this.token = token;
        this.accessLog = accessLog;
    }

    @GET
    @WithSession
    @Authenticated
    @Operation(operationId = "listMeetings", summary = "List meetings", description = "Meetings by start (then id), filtered. A person gets the meetings "
            + "of the series they take part in; an integration every meeting of its organisation. Cursor paging: pass "
            + "the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MeetingPage.class)))
    @APIResponse(responseCode = "400", description = "A malformed filter, page size or cursor, by parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MeetingPage> list(
            @Parameter(description = "Only this series") @QueryParam("seriesId") UUID seriesId,
            @Parameter(description = "Only series this person takes part in") @QueryParam("personId") UUID personId,
            @Parameter(description = "Only meetings in this state", example = "HELD",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "SCHEDULED", "HELD", "CANCELLED", "MISSED" }))
            @QueryParam("status") String status,
            @Parameter(description = "Starting at or after (an ISO instant, e.g. UTC)", example = "2026-11-01T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Starting before (an ISO instant, e.g. UTC)", example = "2026-12-01T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit")
            @DefaultValue(Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        Caller caller = Caller.of(token);
        StringBuilder query = new StringBuilder("organisationId = :org");
        Parameters parameters = Parameters.with("org", caller.organisationId());
        String seriesOf = " and seriesId in (select s.seriesId from SeriesOverview s where s.leaderId = :%1$s or s.companionId = :%1$s)";
        if (!caller.is(Caller.INTEGRATION)) {
            query.append(seriesOf.formatted("me"));
            parameters.and("me", caller.personId() == null ? new UUID(0, 0) : caller.personId());
        }
        if (personId != null) {
            query.append(seriesOf.formatted("person"));
            parameters.and("person", personId);
        }
        if (seriesId != null) {
            query.append(" and seriesId = :series");
            parameters.and("series", seriesId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status(status));
        }
        if (from != null) {
            query.append(" and scheduledFor >= :from");
            parameters.and("from", instant("from", from));
        }
        if (to != null) {
            query.append(" and scheduledFor < :to");
            parameters.and("to", instant("to", to));
        }
        if (after != null && !after.isBlank()) {
            Paging.InstantCursor cursor = Paging.InstantCursor.parse(after);
            query.append(" and (scheduledFor > :afterAt or (scheduledFor = :afterAt and meetingId > :afterId))");
            parameters.and("afterAt", cursor.at()).and("afterId", cursor.id());
        }
        return MeetingOverview.<MeetingOverview>find(query + " order by scheduledFor, meetingId", parameters)
                .page(0, limit + 1).list()
                .call(rows -> recordReads(caller, rows.stream().limit(limit).map(row -> row.seriesId).distinct().toList()))
                .map(rows -> MeetingPage.of(rows, limit));
    }

    /** An integration's list names other people's meetings: each series' two people get an access record. */
    private Uni<Void> recordReads(Caller caller, List<UUID> seriesIds) {
        if (!caller.is(Caller.INTEGRATION) || seriesIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return SeriesOverview.<SeriesOverview>list("seriesId in ?1", seriesIds)
                .invoke(series -> series.forEach(one -> accessLog.series(caller, AccessKind.SERIES_LIST, one.seriesId,
                        one.leaderId, one.companionId)))
                .replaceWithVoid();
    }

    private static String status(String value) {
        try {
            return Series.MeetingStatus.valueOf(value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of SCHEDULED, HELD, CANCELLED, MISSED");
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a UTC instant such as 2026-11-24T09:00:00Z");
        }
    }
}
