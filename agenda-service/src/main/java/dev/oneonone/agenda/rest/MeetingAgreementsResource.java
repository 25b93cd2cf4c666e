package dev.oneonone.agenda.rest;

import java.net.URI;
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
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.rest.AgreementRequests.MakeAgreementRequest;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Agreements are made at a meeting; an Idempotency-Key makes a retried make safe. */
@Path("/meetings/{meetingId}/agreements")
@Tag(name = "Agreements", description = "Who promised what by when, seen only by the series' two participants")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingAgreementsResource {
    private final JsonWebToken token;
    private final Agreements agreements;
    private final RequestBodies validation;
    private final IdempotentCreates idempotent;
    private final Agendas agendas;

    public MeetingAgreementsResource(JsonWebToken token, Agreements agreements, RequestBodies validation,
            IdempotentCreates idempotent, Agendas agendas) {
        this.token = token;
        this.agendas = agendas;
        this.agreements = agreements;
        this.validation = validation;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "makeAgreement", summary = "Make an agreement at a meeting",
            description = "Either participant records what one of the two (the owner) promised, with an optional due "
                    + "date in the series' time zone. Records AgreementMade, which carries the owner and due date but "
                    + "never the wording. The agreement is then listed for review on the series' later meetings until "
                    + "it is completed or dropped. Idempotency-Key makes retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MakeAgreementRequest.class),
            examples = @ExampleObject(name = "with a due date", value = AgreementRequests.MAKE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The agreement, open; ETag: its version (\"1\"), Location: /agreements/{id}",
            content = @Content(schema = @Schema(implementation = AgreementView.class),
                    examples = @ExampleObject(name = "open", value = AgreementExamples.AGREEMENT)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "400", description = "Invalid fields (wording 1 to 1000 characters, ownerId one of the two participants)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = AgreementExamples.MAKE_INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = AgreementExamples.MEETING_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The meeting was cancelled or missed (type .../meeting-did-not-take-place)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "cancelled", value = AgreementExamples.DID_NOT_TAKE_PLACE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = AgreementExamples.KEY_REUSED)))
    public Uni<Response> make(@PathParam("meetingId") UUID meetingId,
            @Parameter(description = ProblemExamples.IDEMPOTENCY_KEY) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            MakeAgreementRequest request) {
        Caller caller = Caller.of(token);
        validation.valid(request);
        // the access check comes before any replay: a key (kept per caller anyway) answers only on a meeting the caller sees
        return agendas.access(caller, meetingId).chain(visible -> idempotent.once(caller, idempotencyKey,
                "POST /meetings/" + meetingId + "/agreements", request,
                () -> agreements.make(caller, meetingId, new Agreements.NewAgreement(request.wording().strip(),
                                request.ownerId(), request.dueOn()))
                        .map(made -> Response.status(Response.Status.CREATED)
                                .entity(AgreementView.of(made.agreement(),
                                        agreements.overdue(made.agreement(), made.series())))
                                .location(URI.create("/agreements/" + made.agreement().agreementId))
                                .tag(Versions.tag(made.agreement().version))
                                .build())));
    }
}
