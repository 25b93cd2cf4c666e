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
import dev.oneonone.agenda.rest.AgreementRequests.MakeAgreementRequest;
import dev.oneonone.agenda.rest.problem.Problem;
import dev.oneonone.agenda.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/meetings/{meetingId}/agreements")
@Tag(name = "Agreements", description = "Who promised what by when, seen only by the series' two participants")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingAgreementsResource {
    private final JsonWebToken token;
    private final Agreements agreements;
    private final RequestValidation validation;

    public MeetingAgreementsResource(JsonWebToken token, Agreements agreements, RequestValidation validation) {
        this.token = token;
        this.agreements = agreements;
        this.validation = validation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Make an agreement at a meeting",
            description = "Either participant records what one of the two (the owner) promised, with an optional due "
                    + "date in the series' time zone. Records AgreementMade, which carries the owner and due date but "
                    + "never the wording. The agreement is then listed for review on the series' later meetings until "
                    + "it is completed or dropped.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MakeAgreementRequest.class),
            examples = @ExampleObject(name = "with a due date", value = AgreementRequests.MAKE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The agreement, open",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (wording 1 to 1000 characters, ownerId one of the two participants)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The meeting was cancelled or missed (type .../meeting-did-not-take-place)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> make(@PathParam("meetingId") UUID meetingId, MakeAgreementRequest request) {
        Caller caller = Caller.of(token);
        validation.check(request);
        return agreements.make(caller, meetingId, new Agreements.NewAgreement(request.wording().strip(),
                        request.ownerId(), request.dueOn()))
                .map(made -> Response.status(Response.Status.CREATED)
                        .entity(AgreementView.of(made.agreement(), agreements.overdue(made.agreement(), made.series())))
                        .build());
    }
}
