package dev.oneonone.agenda.rest;

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

import dev.oneonone.agenda.application.agreements.AgreementFilter;
import dev.oneonone.agenda.application.agreements.Agreements;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/series/{seriesId}/agreements")
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesAgreementsResource {
    private final JsonWebToken token;
    private final Agreements agreements;

    public SeriesAgreementsResource(JsonWebToken token, Agreements agreements) {
        this.token = token;
        this.agreements = agreements;
    }

    @GET
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "listSeriesAgreements", summary = "List a series' agreements",
            description = "Only the series' two participants see them. By when they were made (then id); cursor "
                    + "paging: pass the answer's 'next' as 'after'. 'overdue' is derived: open with a due date before "
                    + "today in the series' time zone.")
    @APIResponse(responseCode = "200", description = "A page of the series' agreements",
            content = @Content(schema = @Schema(implementation = AgreementPage.class),
                    examples = @ExampleObject(name = "one open, overdue", value = AgreementExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "A malformed status, page size or cursor, by parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad status", value = AgreementExamples.LIST_INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such series among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = AgreementExamples.SERIES_NOT_FOUND)))
    public Uni<AgreementPage> list(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = "open (default), closed (completed or dropped) or all", example = "open",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "open", "closed", "all" }, defaultValue = "open"))
            @QueryParam("status") String status,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit")
            @DefaultValue(Paging.DEFAULT_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        Caller caller = Caller.of(token);
        AgreementFilter filter = AgreementFilter.parse(status);
        Paging.limit(limit);
        Paging.InstantCursor cursor = after == null || after.isBlank() ? null : Paging.InstantCursor.parse(after);
        return agreements.series(caller, seriesId).chain(series -> agreements
                .page(series, filter, cursor == null ? null : cursor.at(),
                        cursor == null ? null : cursor.id(), limit + 1)
                .map(rows -> AgreementPage.of(rows.stream()
                        .map(row -> AgreementView.of(row, agreements.overdue(row, series))).toList(), limit)));
    }
}
