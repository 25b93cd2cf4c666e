package dev.oneonone.meetings.rest;

import java.time.Clock;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.application.directory.GroupName;
import dev.oneonone.meetings.application.directory.GroupNaming;
import dev.oneonone.meetings.application.directory.GroupRef;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Display names of teams and departments. Events carry their codes only; the names, free text, are kept here and
 * reach viewers through this list and POST /people/lookup.
 */
@Path("/groups")
@Tag(name = "Groups", description = "Display names of the organisation's teams and departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupsResource {
    private static final String KIND_MESSAGE = "must be team or department";

    private final GroupNaming naming;
    private final Clock clock;
    private final JsonWebToken token;

    public GroupsResource(GroupNaming naming, Clock clock, JsonWebToken token) {
        this.naming = naming;
        this.clock = clock;
        this.token = token;
    }

    @PUT
    @Path("/{kind}/{code}")
    @RolesAllowed(Caller.INTEGRATION)
    @Operation(operationId = "nameGroup", summary = "Name a team or department",
            description = "Sets or replaces the display name of the team or department with this code. The name stays in "
                    + "meetings-service: no event is recorded. Naming a code no person carries yet is allowed.")
    @APIResponse(responseCode = "200", description = "The group with its name",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field (kind, code, name)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration names groups",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<GroupView> nameGroup(
            @Parameter(description = "team or department", example = "team")
            @PathParam("kind") @Pattern(regexp = GroupRef.KIND_PATTERN, message = KIND_MESSAGE) String kind,
            @Parameter(description = "The code events carry", example = "platform")
            @PathParam("code") @Pattern(regexp = OrganisationCodes.PATTERN, message = OrganisationCodes.MESSAGE) String code,
            @Valid @NotNull NameGroupRequest request) {
        String organisation = Caller.of(token).organisationId();
        return naming.name(organisation, new GroupRef(kind, code), request.name().strip(), clock.instant())
                .map(GroupView::of);
    }

    @GET
    @Authenticated
    @WithSession
    @Operation(operationId = "listGroups", summary = "List named teams and departments",
            description = "Every team and department of the caller's organisation that has a display name, by kind then code. "
                    + "Any role of the organisation may read them. Cursor paging: pass the answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GroupPage.class)))
    @APIResponse(responseCode = "400", description = "A page size over " + Paging.MAX_LIMIT + ", a malformed cursor or kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<GroupPage> listGroups(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT)
            @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String cursor,
            @Parameter(description = "Only teams or only departments", example = "team")
            @QueryParam("kind") @Pattern(regexp = GroupRef.KIND_PATTERN, message = KIND_MESSAGE) String kind) {
        GroupRef after = GroupPage.after(cursor);
        StringBuilder query = new StringBuilder("organisationId = :org");
        Parameters parameters = Parameters.with("org", Caller.of(token).organisationId());
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (after != null) {
            query.append(" and (kind > :afterKind or (kind = :afterKind and code > :afterCode))");
            parameters.and("afterKind", after.kind()).and("afterCode", after.code());
        }
        return GroupName.<GroupName>find(query + " order by kind, code", parameters)
                .page(0, limit + 1).list()
                .map(rows -> GroupPage.of(rows, limit));
    }
}
