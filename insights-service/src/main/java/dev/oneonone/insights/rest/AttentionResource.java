package dev.oneonone.insights.rest;

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

import dev.oneonone.insights.application.RollupService;
import dev.oneonone.insights.domain.rollup.AttentionItem;
import dev.oneonone.insights.domain.rollup.Scope;
import dev.oneonone.insights.domain.rollup.Visibility;
import dev.oneonone.kit.privacy.AccessKind;
import dev.oneonone.kit.privacy.AccessLog;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What needs attention in a group, paged, and a group's weekly trend: the same groups as /rollups. */
@Path("/")
@Tag(name = "Rollups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.DIRECTOR, Caller.HR, Caller.INTEGRATION })
public class AttentionResource {
    private static final String SCOPE = "The group: `organisation`, `department:<code>`, `team:<code>` (e.g. `team:PLATFORM`), "
            + "`manager:<person id>` or `subtree:<person id>` (a director's reporting subtree); codes compare exactly. By default the organisation for HR and integrations, the caller's own subtree for a director.";

    private final RollupService service;
    private final JsonWebToken token;

    private final AccessLog accessLog;

    public AttentionResource(RollupService service, JsonWebToken token, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.service = service;
        this.token = token;
    }

    @GET
    @Path("attention")
    @Operation(operationId = "listAttentionItems", summary = "What needs attention",
            description = "Series that are OVERDUE or AT_RISK (unless paused) or whose follow-through is low, and reports with no 1:1 with their manager at all; most urgent first, with the reasons.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AttentionPage.class),
            examples = @ExampleObject(name = "page", value = RollupExamples.ATTENTION)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused (scope, asOf, limit, after)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = RollupExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration; or a director asking for the organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group on the date that the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AttentionPage> attention(@Parameter(description = SCOPE, example = "department:ENG", schema = @Schema(type = SchemaType.STRING, pattern = RollupResource.SCOPE_PATTERN)) @QueryParam("scope") String scope,
            @Parameter(description = RollupResource.AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        Caller caller = Caller.of(token);
        RollupQuery query = new RollupQuery(service.today(caller.organisationId())).scope(scope, defaultScope(caller)).asOf(asOf).after(after)
                .limit(limit).checked();
        if (query.scope().kind() == Scope.Kind.ORGANISATION) {
            RollupResource.requireWholeOrganisation(caller);
        }
        return service.snapshot(caller.organisationId(), query.asOf()).map(snapshot -> {
            Visibility visibility = service.visibility(caller, snapshot);
            if (!service.calculator().exists(query.scope(), snapshot, visibility)) {
                throw new NotFoundException("No " + query.scope() + " on " + query.asOf() + " that you may see");
            }
            List<AttentionItem> all = service.calculator().attention(query.scope(), snapshot, visibility);
            if (all == null) {
                return new AttentionPage(ScopeView.of(query.scope()), query.asOf(), true, null, List.of(), null);
            }
            RollupQuery.Page<AttentionItem> page = query.page(all);
            List<AttentionItemView> items = AttentionItemView.of(page.items());
            // each item names a series' (or a manager's and report's) people: a read about them
            RollupResource.recordAttention(accessLog, caller, items);
            return new AttentionPage(ScopeView.of(query.scope()), query.asOf(), false, page.total(),
                    items, page.next());
        });
    }

    @GET
    @Path("trends")
    @Operation(operationId = "getGroupTrend", summary = "A group's weekly trend",
            description = "The group's figures at the end of each of the last weeks (default 12), computed from the event history as of each week end. Privacy applies per week.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrendView.class),
            examples = @ExampleObject(name = "trend", value = RollupExamples.TREND)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused (scope, asOf, weeks)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration; or a director asking for the organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group on the date that the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrendView> trend(@Parameter(description = SCOPE, example = "team:PLATFORM", schema = @Schema(type = SchemaType.STRING, pattern = RollupResource.SCOPE_PATTERN)) @QueryParam("scope") String scope,
            @Parameter(description = RollupResource.AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "Week ends, 1 to 52 (default 12).", example = "12",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "52", defaultValue = "12")) @QueryParam("weeks") String weeks) {
        Caller caller = Caller.of(token);
        RollupQuery query = new RollupQuery(service.today(caller.organisationId())).scope(scope, defaultScope(caller)).asOf(asOf)
                .weeks(weeks, service.rules().defaultWeeks()).checked();
        if (query.scope().kind() == Scope.Kind.ORGANISATION) {
            RollupResource.requireWholeOrganisation(caller);
        }
        return service.snapshot(caller.organisationId(), query.asOf()).chain(snapshot -> {
            Visibility visibility = service.visibility(caller, snapshot);
            if (!service.calculator().exists(query.scope(), snapshot, visibility)) {
                throw new NotFoundException("No " + query.scope() + " on " + query.asOf() + " that you may see");
            }
            if (query.scope().kind() == Scope.Kind.MANAGER) {
                // a manager's trend: the weekly figures of the series they lead (docs/privacy.md)
                accessLog.people(caller, AccessKind.MANAGER_TREND, null, List.of(query.scope().personId()));
            }
            return service.weekly(caller.organisationId(), query.asOf(), query.weeks()).map(weekEnds -> new TrendView(ScopeView.of(query.scope()),
                    query.asOf(), query.weeks(), RollupView.TrendPointView.of(service.trend(query.scope(), weekEnds, visibility))));
        });
    }

    private static Scope defaultScope(Caller caller) {
        if (caller.is(Caller.HR) || caller.is(Caller.INTEGRATION)) {
            return Scope.ORGANISATION;
        }
        UUID director = RollupService.directorId(caller);
        // a director whose token names no person sees nobody: an empty subtree of a random id answers 404
        return Scope.subtree(director == null ? new UUID(0, 0) : director);
    }
}
