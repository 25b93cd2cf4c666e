package dev.oneonone.meetings.rest;

import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.application.directory.DirectoryLookup;
import dev.oneonone.meetings.application.directory.GroupRef;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Names for ids, for a viewer such as the directors' dashboard, which gets ids only from insights-service: one call
 * for a whole page of people and groups, answering only what the caller may see (docs/security.md).
 */
@Path("/people/lookup")
@Tag(name = "People")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleLookupResource {
    private final DirectoryLookup lookup;
    private final JsonWebToken token;

    public PeopleLookupResource(DirectoryLookup lookup, JsonWebToken token) {
        this.lookup = lookup;
        this.token = token;
    }

    @POST
    @Authenticated
    @WithSession
    @Operation(operationId = "lookupPeople", summary = "Look up names of people and groups",
            description = "Answers the name, team and department of each person the caller may see, and the display name of "
                    + "each team or department asked that has one. Integration and HR see the whole organisation, leavers "
                    + "included; a director themselves and everyone in their reporting subtree today; a person themselves, "
                    + "their manager, their direct reports and the people they share a series with. Ids the caller may not "
                    + "see are left out exactly like ids that do not exist. Reads only (POST for the size of the list), "
                    + "so no Idempotency-Key.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PeopleLookup.class),
            examples = @ExampleObject(name = "names", value = """
                    {"people":[{"id":"2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12","name":"Ada Lovelace","team":"platform","department":"ENG"}],
                     "groups":[{"kind":"team","code":"platform","name":"Platform Engineering"}]}""")))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field: no ids, more than " + LookupPeopleRequest.MAX_IDS
            + " ids or " + LookupPeopleRequest.MAX_GROUPS + " groups, a group not written kind:code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad group", value = """
                            {"type":"https://oneonone.dev/problems/invalid-input","title":"Invalid input","status":400,
                             "detail":"1 field is invalid","instance":"/people/lookup",
                             "errors":[{"field":"groups[0]","message":"must be team:<code> or department:<code>", "reason": "invalid-value"}]}""")))
    public Uni<PeopleLookup> lookupPeople(@Valid @NotNull LookupPeopleRequest request) {
        Caller caller = Caller.of(token);
        List<GroupRef> groups = request.groups() == null ? List.of()
                : request.groups().stream().map(GroupRef::parse).toList();
        return lookup.people(caller, request.ids().stream().distinct().toList())
                .chain(people -> lookup.groups(caller.organisationId(), groups)
                        .map(named -> new PeopleLookup(
                                people.stream().map(PeopleLookup.PersonName::of).toList(),
                                named.stream().map(GroupView::of).toList())));
    }
}
