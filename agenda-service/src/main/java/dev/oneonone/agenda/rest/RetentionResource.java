package dev.oneonone.agenda.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.agenda.application.retention.RetentionPolicies;
import dev.oneonone.agenda.projection.ContentRetention;
import dev.oneonone.agenda.rest.RetentionBodies.RetentionRequest;
import dev.oneonone.agenda.rest.RetentionBodies.RetentionView;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The organisation's retention period for 1:1 content (docs/privacy.md#retention-and-erasure): HR and the
 * integration set it for their organisation; agenda-service's sweep deletes the content of series ended longer ago.
 */
@Path("/organisation/retention")
@Tag(name = "Retention", description = "How long the organisation keeps 1:1 content after a series ends")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {
    private final JsonWebToken token;
    private final RetentionPolicies policies;
    private final RequestBodies bodies;
    private final ObjectMapper mapper;

    public RetentionResource(JsonWebToken token, RetentionPolicies policies, RequestBodies bodies, ObjectMapper mapper) {
        this.mapper = mapper;
        this.token = token;
        this.policies = policies;
        this.bodies = bodies;
    }

    @GET
    @WithSession
    @RolesAllowed({ Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "getContentRetention", summary = "Read the organisation's retention period for 1:1 content",
            description = "contentRetentionDays null (the default): content is kept as long as its series.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RetentionView.class),
            examples = @ExampleObject(name = "a year", value = RetentionBodies.VIEW_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Only roles hr and integration read and set the retention period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    public Uni<Response> read() {
        return policies.of(Caller.of(token).organisationId()).map(this::answer);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({ Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "setContentRetention", summary = "Set how long 1:1 content is kept after a series ends",
            description = "From the next round of the sweep (hourly), the topics' titles and details, the notes and the "
                    + "agreements' wording of every series that ended more than contentRetentionDays days ago are deleted, "
                    + "and a SeriesContentExpired event is published per series; statuses, counts and figures stay. "
                    + "null keeps content as long as the series. Shortening the period deletes at once what is then "
                    + "older; deleted content does not come back when it is lengthened. Setting the same value again "
                    + "answers the same.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RetentionRequest.class),
            examples = @ExampleObject(name = "a year", value = RetentionBodies.REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The setting now in force",
            content = @Content(schema = @Schema(implementation = RetentionView.class),
                    examples = @ExampleObject(name = "a year", value = RetentionBodies.VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "contentRetentionDays outside 1 to 36500, or not a whole number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID_RETENTION)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Only roles hr and integration read and set the retention period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    public Uni<Response> change(RetentionRequest request) {
        bodies.valid(request);
        return policies.set(Caller.of(token).organisationId(), request.contentRetentionDays()).map(this::answer);
    }

    /**
     * The setting with both fields written, null when unset: serialised here, because Quarkus REST's build-time
     * (reflection-free) serializer leaves a null Integer out whatever {@code @JsonInclude} says.
     */
    private Response answer(ContentRetention setting) {
        try {
            return Response.ok(mapper.writeValueAsString(RetentionView.of(setting)), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The retention setting could not be written", e);
        }
    }
}
