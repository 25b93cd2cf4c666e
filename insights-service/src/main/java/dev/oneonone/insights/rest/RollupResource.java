package dev.oneonone.insights.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

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
import dev.oneonone.insights.domain.directory.Directory;
import dev.oneonone.insights.domain.rollup.OrganisationSnapshot;
import dev.oneonone.insights.domain.rollup.Rollup;
import dev.oneonone.insights.domain.rollup.Scope;
import dev.oneonone.insights.domain.rollup.Visibility;
import dev.oneonone.kit.privacy.AccessKind;
import dev.oneonone.kit.privacy.AccessLog;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Cadence health, follow-through and coverage rolled up per organisation, department, team, manager
 * and director's subtree, as of a date and as weekly trends. HR and integrations see the whole
 * organisation; a director sees the people of their reporting subtree only.
 */
@Path("/rollups")
@Tag(name = "Rollups", description = "Aggregates of the organisation's 1:1s: health counts, follow-through, adherence, coverage and what needs attention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.DIRECTOR, Caller.HR, Caller.INTEGRATION })
public class RollupResource {
    static final String AS_OF = "The date the figures are as of (ISO, not after today); today in the organisation's time zone when absent.";
    static final String WEEKS = "Include a weekly trend of this many week ends (1 to 52), the last one being asOf.";
    static final String SCOPE_PATTERN = "^(organisation|(department|team):[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
            + "|(manager|subtree):[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$";

    private final RollupService service;
    private final JsonWebToken token;
    private final AccessLog accessLog;

    public RollupResource(RollupService service, JsonWebToken token, AccessLog accessLog) {
        this.service = service;
        this.token = token;
        this.accessLog = accessLog;
    }

    @GET
    @Path("/organisation")
    @Operation(operationId = "getOrganisationRollup", summary = "The organisation's rollup", description = "For HR and integrations: the people in the directory on the date and the current series whose companion is one of them, "
            + "the same rule as every group, so it is the sum of the departments and the people without a department. A director reads their subtree instead (403 here).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RollupView.class),
            examples = @ExampleObject(name = "rollup", value = RollupExamples.ROLLUP)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = RollupExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not HR or an integration (a director reads GET /rollups/subtrees/{their person id})",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RollupView> organisation(@Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = WEEKS, example = "12", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "52")) @QueryParam("weeks") String weeks) {
        Caller caller = Caller.of(token);
        requireWholeOrganisation(caller);
        return rollup(caller, Scope.ORGANISATION, asOf, weeks);
    }

    @GET
    @Path("/departments")
    @Operation(operationId = "listDepartmentRollups", summary = "List departments with their figures", description = "Departments (by code) of the people the caller sees on the date, in code order; groups under the minimum size are listed as suppressed. "
            + "withoutDepartment holds the people without a department, so the organisation is the sum of all departments and withoutDepartment.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DepartmentRollupPage.class),
            examples = @ExampleObject(name = "page", value = RollupExamples.DEPARTMENT_PAGE)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DepartmentRollupPage> departments(@Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        return list(asOf, after, limit, Map.of(), person -> true, Directory.Person::department, Scope::department,
                (page, snapshot, visibility) -> DepartmentRollupPage.of(page,
                        service.calculator().withoutDepartment(snapshot, visibility)));
    }

    @GET
    @Path("/departments/{code}")
    @Operation(operationId = "getDepartmentRollup", summary = "A department's rollup", description = "The department's people on the date (for a director: those in their subtree) and the series whose companion is one of them.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RollupView.class), examples = {
            @ExampleObject(name = "rollup", value = RollupExamples.ROLLUP),
            @ExampleObject(name = "suppressed", value = RollupExamples.SUPPRESSED) }))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Nobody the caller sees is in this department on the date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RollupView> department(@PathParam("code") String code, @Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = WEEKS, example = "12", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "52")) @QueryParam("weeks") String weeks) {
        return rollup(Caller.of(token), Scope.department(code), asOf, weeks);
    }

    @GET
    @Path("/teams")
    @Operation(operationId = "listTeamRollups", summary = "List teams with their figures", description = "Teams (by code) of the people the caller sees on the date, optionally only those with people in a department.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RollupPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RollupPage> teams(@Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "Only teams with people in this department.", example = "ENG") @QueryParam("department") String department,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        return list(asOf, after, limit, codes("department", department),
                person -> department == null || department.equals(person.department()),
                Directory.Person::team, Scope::team);
    }

    @GET
    @Path("/teams/{code}")
    @Operation(operationId = "getTeamRollup", summary = "A team's rollup", description = "The team's people on the date (for a director: those in their subtree) and the series whose companion is one of them.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RollupView.class), examples = {
            @ExampleObject(name = "rollup", value = RollupExamples.ROLLUP),
            @ExampleObject(name = "suppressed", value = RollupExamples.SUPPRESSED) }))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Nobody the caller sees is in this team on the date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RollupView> team(@PathParam("code") String code, @Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = WEEKS, example = "12", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "52")) @QueryParam("weeks") String weeks) {
        return rollup(Caller.of(token), Scope.team(code), asOf, weeks);
    }

    @GET
    @Path("/managers")
    @Operation(operationId = "listManagerRollups", summary = "List managers with their figures", description = "The managers (by person id) of the people the caller sees on the date: "
            + "without team or department, every such manager (the whole organisation for HR and an integration, a director's subtree for a director); "
            + "with team and/or department, only the managers of that team's or department's people (both given: people in both).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RollupPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RollupPage> managers(@Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "Only managers of this team's people; all managers the caller sees when left out.", example = "PLATFORM") @QueryParam("team") String team,
            @Parameter(description = "Only managers of this department's people; all managers the caller sees when left out.", example = "ENG") @QueryParam("department") String department,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        Predicate<Directory.Person> member = person -> (team == null || team.equals(person.team()))
                && (department == null || department.equals(person.department()));
        Caller caller = Caller.of(token);
        // each manager on the page: the figures of the series they lead, a read about them (docs/privacy.md)
        return list(asOf, after, limit, codes("team", team, "department", department), member,
                person -> person.managerId() == null ? null : person.managerId().toString(),
                key -> Scope.manager(UUID.fromString(key)))
                .invoke(page -> page.items().forEach(view -> accessLog.people(caller, AccessKind.MANAGER_FIGURES, null,
                        List.of(UUID.fromString(view.scope().key())))));
    }

    @GET
    @Path("/managers/{personId}")
    @Operation(operationId = "getManagerRollup", summary = "A manager's rollup", description = "The series the person leads whose companion is in the directory on the date, and the coverage of their direct reports on the date.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RollupView.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in the directory on the date, or outside the director's subtree",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RollupView> manager(@PathParam("personId") UUID personId, @Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = WEEKS, example = "12", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "52")) @QueryParam("weeks") String weeks) {
        Caller caller = Caller.of(token);
        return rollup(caller, Scope.manager(personId), asOf, weeks)
                .invoke(view -> accessLog.people(caller, AccessKind.MANAGER_FIGURES, null, List.of(personId)));
    }

    @GET
    @Path("/subtrees/{directorId}")
    @Operation(operationId = "getSubtreeRollup", summary = "A reporting subtree's rollup", description = "Everyone below the person in the reporting lines of the date, and the series whose companion is one of them. A director reads their own subtree and those within it.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RollupView.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a director, HR or an integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in the directory on the date, or outside the director's subtree",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RollupView> subtree(@PathParam("directorId") UUID directorId, @Parameter(description = AS_OF, example = "2026-11-23", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = WEEKS, example = "12", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "52")) @QueryParam("weeks") String weeks) {
        return rollup(Caller.of(token), Scope.subtree(directorId), asOf, weeks);
    }

    /** The rollup's attention items name series and their people: a read about each (docs/privacy.md). */
    private RollupView recordAttention(Caller caller, RollupView view) {
        if (view.attention() != null) {
            recordAttention(accessLog, caller, view.attention());
        }
        return view;
    }

    /** Records each attention item shown as a read about the people it names ({@code ATTENTION_ITEM}). */
    static void recordAttention(AccessLog accessLog, Caller caller, List<AttentionItemView> items) {
        items.forEach(item -> accessLog.people(caller, AccessKind.ATTENTION_ITEM, item.seriesId(),
                Stream.of(item.leaderId(), item.companionId()).filter(Objects::nonNull).toList()));
    }

    /** Only HR and integrations see the organisation as a whole. */
    static void requireWholeOrganisation(Caller caller) {
        if (!caller.is(Caller.HR) && !caller.is(Caller.INTEGRATION)) {
            throw new ForbiddenException("A director sees their reporting subtree: GET /rollups/subtrees/{your person id}.");
        }
    }

    private Uni<RollupView> rollup(Caller caller, Scope scope, String asOfText, String weeksText) {
        RollupQuery query = new RollupQuery(service.today(caller.organisationId())).asOf(asOfText).weeks(weeksText, null)
                .code("code", scope.key()).checked();
        // with a trend, its last week end is the date asked for: one pass over the history serves both
        Uni<List<OrganisationSnapshot>> snapshots = query.weeks() == null
                ? service.snapshot(caller.organisationId(), query.asOf()).map(List::of)
                : service.weekly(caller.organisationId(), query.asOf(), query.weeks());
        return snapshots.map(weeks -> {
            OrganisationSnapshot snapshot = weeks.get(weeks.size() - 1);
            Visibility visibility = service.visibility(caller, snapshot);
            if (!service.calculator().exists(scope, snapshot, visibility)) {
                throw new NotFoundException("No " + scope + " on " + query.asOf() + " that you may see");
            }
            Rollup rollup = service.calculator().rollup(scope, snapshot, visibility);
            return recordAttention(caller, RollupView.of(query.weeks() == null ? rollup : service.withTrend(rollup, scope, weeks, visibility)));
        });
    }

    /** The code filters that were given, by parameter name (left-out ones are not in it). */
    private static Map<String, String> codes(String... namesAndValues) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                codes.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return codes;
    }

    /** What a list answers, from its page of groups and the snapshot it was made from. */
    private interface PageOf<T> {
        T of(RollupPage page, OrganisationSnapshot snapshot, Visibility visibility);
    }

    private Uni<RollupPage> list(String asOfText, String after, String limit, Map<String, String> filters,
            Predicate<Directory.Person> member, Function<Directory.Person, String> key, Function<String, Scope> scopeOf) {
        return list(asOfText, after, limit, filters, member, key, scopeOf, (page, snapshot, visibility) -> page);
    }

    private <T> Uni<T> list(String asOfText, String after, String limit, Map<String, String> filters,
            Predicate<Directory.Person> member, Function<Directory.Person, String> key, Function<String, Scope> scopeOf,
            PageOf<T> answer) {
        Caller caller = Caller.of(token);
        RollupQuery query = new RollupQuery(service.today(caller.organisationId())).asOf(asOfText).after(after).limit(limit);
        filters.forEach(query::code);
        query.checked();
        return service.snapshot(caller.organisationId(), query.asOf()).map(snapshot -> {
            Visibility visibility = service.visibility(caller, snapshot);
            TreeSet<String> keys = new TreeSet<>();
            for (Directory.Person person : snapshot.directory().people()) {
                if (visibility.sees(person.personId()) && member.test(person)) {
                    String value = key.apply(person);
                    if (value != null) {
                        keys.add(value);
                    }
                }
            }
            RollupQuery.Page<String> page = query.page(List.copyOf(keys));
            return answer.of(new RollupPage(query.asOf(), page.items().stream()
                    .map(k -> recordAttention(caller, RollupView.of(service.calculator().summary(scopeOf.apply(k), snapshot, visibility))))
                    .toList(),
                    page.total(), page.next()), snapshot, visibility);
        });
    }
}
