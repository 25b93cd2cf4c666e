package dev.oneonone.agenda.rest;

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

import dev.oneonone.agenda.application.agreements.Agreements;
import dev.oneonone.agenda.rest.AgreementRequests.ChangeDueDateRequest;
import dev.oneonone.agenda.rest.AgreementRequests.DropAgreementRequest;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One agreement: read with its history, completed, dropped or its due date moved by either participant of its
 * series. The ETag is the agreement's version (the number of events in its stream); changes take it as If-Match.
 */
@Path("/agreements")
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The caller is not acting as a person",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@APIResponse(responseCode = "404", description = "No such agreement in a series of the caller's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "not found", value = AgreementExamples.NOT_FOUND)))
public class AgreementsResource {
    private static final String IF_MATCH = "The agreement's version as last read (its ETag), e.g. \"2\"; "
            + "a stale one is refused (409 agreement-changed)";

    private final JsonWebToken token;
    private final Agreements agreements;
    private final RequestBodies validation;

    public AgreementsResource(JsonWebToken token, Agreements agreements, RequestBodies validation) {
        this.token = token;
        this.agreements = agreements;
        this.validation = validation;
    }

    @GET
    @Path("/{agreementId}")
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "getAgreement", summary = "Read an agreement with its history",
            description = "Only the series' two participants see it: made, every due date change, completed or "
                    + "dropped, each with when it happened (and when it was recorded, later for imported history). "
                    + "ETag: the agreement's version, for If-Match on its changes.")
    @APIResponse(responseCode = "200", description = "The agreement; ETag: its version",
            content = @Content(schema = @Schema(implementation = AgreementDetailsView.class),
                    examples = @ExampleObject(name = "due date moved once", value = AgreementExamples.WITH_HISTORY)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    public Uni<Response> read(@PathParam("agreementId") UUID agreementId) {
        return answer(agreements.visible(Caller.of(token), agreementId));
    }

    @POST
    @Path("/{agreementId}/completion")
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "completeAgreement", summary = "Complete an agreement", description = "Either participant records that the promise was kept. "
            + "Records AgreementCompleted. Optional If-Match: the agreement's ETag.")
    @APIResponse(responseCode = "200", description = "The agreement, completed; ETag: its new version",
            content = @Content(schema = @Schema(implementation = AgreementDetailsView.class),
                    examples = @ExampleObject(name = "completed", value = AgreementExamples.COMPLETED)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Malformed If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed If-Match", value = AgreementExamples.IF_MATCH_INVALID)))
    @APIResponse(responseCode = "409", description = "Already completed or dropped (type .../agreement-closed), "
            + "changed since If-Match (agreement-changed) or concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "closed", value = AgreementExamples.CLOSED),
                            @ExampleObject(name = "stale", value = AgreementExamples.CHANGED) }))
    public Uni<Response> complete(@PathParam("agreementId") UUID agreementId,
            @Parameter(description = IF_MATCH) @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Caller caller = Caller.of(token);
        Long expected = Versions.fromIfMatch(ifMatch);
        return answer(agreements.complete(caller, agreementId, expected));
    }

    @POST
    @Path("/{agreementId}/drop")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "dropAgreement", summary = "Drop an agreement", description = "Either participant closes it without completing it, for "
            + "a reason. Records AgreementDropped. Optional If-Match: the agreement's ETag.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DropAgreementRequest.class),
            examples = @ExampleObject(name = "no longer needed", value = "{\"reason\": \"NO_LONGER_NEEDED\"}")))
    @APIResponse(responseCode = "200", description = "The agreement, dropped; ETag: its new version",
            content = @Content(schema = @Schema(implementation = AgreementDetailsView.class),
                    examples = @ExampleObject(name = "dropped", value = AgreementExamples.DROPPED)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "No reason, or a malformed If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no reason", value = AgreementExamples.DROP_INVALID)))
    @APIResponse(responseCode = "409", description = "Already completed or dropped (type .../agreement-closed), "
            + "changed since If-Match (agreement-changed) or concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "closed", value = AgreementExamples.CLOSED),
                            @ExampleObject(name = "stale", value = AgreementExamples.CHANGED) }))
    public Uni<Response> drop(@PathParam("agreementId") UUID agreementId,
            @Parameter(description = IF_MATCH) @HeaderParam(Versions.IF_MATCH) String ifMatch,
            DropAgreementRequest request) {
        Caller caller = Caller.of(token);
        Long expected = Versions.fromIfMatch(ifMatch);
        validation.valid(request);
        return answer(agreements.drop(caller, agreementId, request.reason(), expected));
    }

    @PUT
    @Path("/{agreementId}/due-date")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "changeAgreementDueDate", summary = "Change an agreement's due date", description = "Either participant moves the due date of an "
            + "open agreement (null removes it). Records AgreementDueDateChanged with the previous and the new date; "
            + "the same date again changes nothing (and keeps the version). Optional If-Match: the agreement's ETag.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeDueDateRequest.class),
            examples = @ExampleObject(name = "a week later", value = "{\"dueOn\": \"2026-12-11\"}")))
    @APIResponse(responseCode = "200", description = "The agreement with its new due date; ETag: its version",
            content = @Content(schema = @Schema(implementation = AgreementDetailsView.class),
                    examples = @ExampleObject(name = "a week later", value = AgreementExamples.WITH_HISTORY)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Malformed date or If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed If-Match", value = AgreementExamples.IF_MATCH_INVALID)))
    @APIResponse(responseCode = "409", description = "Already completed or dropped (type .../agreement-closed), "
            + "changed since If-Match (agreement-changed) or concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "stale", value = AgreementExamples.CHANGED),
                            @ExampleObject(name = "closed", value = AgreementExamples.CLOSED) }))
    public Uni<Response> changeDueDate(@PathParam("agreementId") UUID agreementId,
            @Parameter(description = IF_MATCH) @HeaderParam(Versions.IF_MATCH) String ifMatch,
            ChangeDueDateRequest request) {
        Caller caller = Caller.of(token);
        Long expected = Versions.fromIfMatch(ifMatch);
        validation.valid(request);
        return answer(agreements.changeDueDate(caller, agreementId, request.dueOn(), expected));
    }

    /** The agreement with its history, tagged with its version (the read model follows every event it appends). */
    private Uni<Response> answer(Uni<Agreements.Visible> visible) {
        return visible.chain(found -> agreements.history(found.agreement()).map(history -> Response
                .ok(AgreementDetailsView.of(AgreementView.of(found.agreement(),
                        agreements.overdue(found.agreement(), found.series())), history))
                .tag(Versions.tag(found.agreement().version)).build()));
    }
}
