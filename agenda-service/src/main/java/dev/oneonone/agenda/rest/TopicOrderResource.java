package dev.oneonone.agenda.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

import dev.oneonone.agenda.application.topics.TopicOrder;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The order of a meeting's topics, set by either participant before the meeting starts. */
@Path("/meetings/{meetingId}/topics/order")
@Tag(name = "Agenda", description = "The agenda of each meeting, seen only by its two participants")
@Produces(MediaType.APPLICATION_JSON)
public class TopicOrderResource {
    static final int MAX_TOPICS = 500;
    private static final String ORDER_EXAMPLE = """
            {"topicIds": ["8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6"]}""";
    private static final String ORDERED_EXAMPLE = """
            {"meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99", "topics": [
              {"id": "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "title": "Moving to the platform team?", "details": null,
               "kind": "CAREER", "authorRole": "COMPANION", "askOtherSideToPrepare": true, "discussed": false, "timesCarried": 0, "carriedFromMeetingId": null, "contentDeleted": false},
              {"id": "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6", "title": "Vacation in March", "details": null,
               "kind": "PLANNING", "authorRole": "COMPANION", "askOtherSideToPrepare": false, "discussed": false, "timesCarried": 0, "carriedFromMeetingId": null, "contentDeleted": false}]}""";

    private final JsonWebToken token;
    private final TopicOrder order;
    private final RequestBodies bodies;

    public TopicOrderResource(JsonWebToken token, TopicOrder order, RequestBodies bodies) {
        this.token = token;
        this.order = order;
        this.bodies = bodies;
    }

    @Schema(name = "ReorderTopics", description = "Every topic of the agenda, exactly once, in the order wanted.")
    public record ReorderTopicsRequest(
            @NotNull @Size(min = 1, max = MAX_TOPICS) @Schema(required = true, minItems = 1, maxItems = MAX_TOPICS)
            List<@NotNull UUID> topicIds) {
    }

    @Schema(name = "TopicOrder", description = "The agenda's topics in the order given.")
    public record TopicOrderView(UUID meetingId, List<TopicView> topics) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "reorderTopics", summary = "Reorder a meeting's topics",
            description = "Either participant puts the agenda's topics in a new order before the meeting starts; the "
                    + "list names every topic of the agenda exactly once. The agenda then runs its topics in this order "
                    + "within each of its sections (the companion's topics still come before the leader's). Records "
                    + "TopicsReordered (ids only). Optional If-Match: the agenda's ETag.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReorderTopicsRequest.class),
            examples = @ExampleObject(name = "two topics", value = ORDER_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The topics in their new order; ETag: the agenda's new version",
            content = @Content(schema = @Schema(implementation = TopicOrderView.class),
                    examples = @ExampleObject(name = "ordered", value = ORDERED_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "topicIds missing, empty, over 500, or naming a topic twice; malformed If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The list is not the agenda's topics (topic-order-mismatch: one "
            + "missing or not on the agenda), the meeting is not open (meeting-not-open), or a stale If-Match / concurrent "
            + "change (version-conflict)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "mismatch", value = ProblemExamples.ORDER_MISMATCH),
                            @ExampleObject(name = "stale", value = ProblemExamples.STALE),
                            @ExampleObject(name = "not open", value = ProblemExamples.NOT_OPEN) }))
    public Uni<Response> reorder(@PathParam("meetingId") UUID meetingId,
            @Parameter(description = "The agenda's version as last read (its ETag), e.g. \"4\"") @HeaderParam(Versions.IF_MATCH) String ifMatch,
            ReorderTopicsRequest request) {
        Caller caller = Caller.of(token);
        Long expected = Versions.fromIfMatch(ifMatch);
        bodies.valid(request);
        refuseDuplicates(request.topicIds());
        return order.reorder(caller, meetingId, request.topicIds(), expected)
                .chain(version -> Topic.<Topic>list("meetingId = ?1 order by position", meetingId)
                        .map(topics -> Response.ok(new TopicOrderView(meetingId,
                                        topics.stream().map(TopicView::of).toList()))
                                .tag(Versions.tag(version)).build()));
    }

    private static void refuseDuplicates(List<UUID> topicIds) {
        Set<UUID> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < topicIds.size(); i++) {
            if (!seen.add(topicIds.get(i))) {
                errors.add(new FieldError("topicIds[" + i + "]", "names a topic already in the list"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
