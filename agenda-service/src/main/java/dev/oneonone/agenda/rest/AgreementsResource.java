package dev.oneonone.agenda.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.agreements.Agreements;
import dev.oneonone.agenda.rest.AgreementRequests.ChangeDueDateRequest;
import dev.oneonone.agenda.rest.AgreementRequests.DropAgreementRequest;
import dev.oneonone.agenda.rest.problem.Problem;
import dev.oneonone.agenda.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/agreements")
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller is not acting as a person",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such agreement in a series of the caller's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AgreementsResource {
    private final JsonWebToken token;
    private final Agreements agreements;
    private final RequestValidation validation;

    public AgreementsResource(JsonWebToken token, Agreements agreements, RequestValidation validation) {
        this.token = token;
        this.agreements = agreements;
        this.validation = validation;
    }

    @GET
    @Path("/{agreementId}")
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Read an agreement with its history",
            description = "Only the series' two participants see it: made, every due date change, completed or "
                    + "dropped, each with when it happened (and when it was recorded, later for imported history).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgreementDetailsView.class)))
    public Uni<AgreementDetailsView> read(@PathParam("agreementId") UUID agreementId) {
        return details(agreements.visible(Caller.of(token), agreementId));
    }

    @POST
    @Path("/{agreementId}/completion")
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Complete an agreement", description = "Either participant records that the promise was kept. "
            + "Records AgreementCompleted.")
    @APIResponse(responseCode = "200", description = "The agreement, completed",
            content = @Content(schema = @Schema(implementation = AgreementDetailsView.class)))
    @APIResponse(responseCode = "409", description = "Already completed or dropped (type .../agreement-closed), or "
            + "changed concurrently", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgreementDetailsView> complete(@PathParam("agreementId") UUID agreementId) {
        return details(agreements.complete(Caller.of(token), agreementId));
    }

    @POST
    @Path("/{agreementId}/drop")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Drop an agreement", description = "Either participant closes it without completing it, for "
            + "a reason. Records AgreementDropped.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DropAgreementRequest.class),
            examples = @ExampleObject(name = "no longer needed", value = "{\"reason\": \"NO_LONGER_NEEDED\"}")))
    @APIResponse(responseCode = "200", description = "The agreement, dropped",
            content = @Content(schema = @Schema(implementation = AgreementDetailsView.class)))
    @APIResponse(responseCode = "400", description = "No reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already completed or dropped (type .../agreement-closed), or "
            + "changed concurrently", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgreementDetailsView> drop(@PathParam("agreementId") UUID agreementId, DropAgreementRequest request) {
        Caller caller = Caller.of(token);
        validation.check(request);
        return details(agreements.drop(caller, agreementId, request.reason()));
    }

    @PUT
    @Path("/{agreementId}/due-date")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Change an agreement's due date", description = "Either participant moves the due date of an "
            + "open agreement (null removes it). Records AgreementDueDateChanged with the previous and the new date; "
            + "the same date again changes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeDueDateRequest.class),
            examples = @ExampleObject(name = "a week later", value = "{\"dueOn\": \"2026-12-11\"}")))
    @APIResponse(responseCode = "200", description = "The agreement with its new due date",
            content = @Content(schema = @Schema(implementation = AgreementDetailsView.class)))
    @APIResponse(responseCode = "409", description = "Already completed or dropped (type .../agreement-closed), or "
            + "changed concurrently", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgreementDetailsView> changeDueDate(@PathParam("agreementId") UUID agreementId,
            ChangeDueDateRequest request) {
        Caller caller = Caller.of(token);
        validation.check(request);
        return details(agreements.changeDueDate(caller, agreementId, request.dueOn()));
    }

    private Uni<AgreementDetailsView> details(Uni<Agreements.Visible> visible) {
        return visible.chain(found -> agreements.history(found.agreement()).map(history -> AgreementDetailsView.of(
                AgreementView.of(found.agreement(), agreements.overdue(found.agreement(), found.series())), history)));
    }
}
