package dev.oneonone.agenda.rest;

import dev.oneonone.kit.ratelimit.ImportBudget;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.application.imports.AgendaHistoryImport;
import dev.oneonone.agenda.rest.ImportRequests.ImportAgendaHistoryRequest;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** History import for integrators; an Idempotency-Key makes a retried import safe (nothing imported twice). */
@Path("/imports")
@Tag(name = "Imports", description = "History brought in from another tool by the organisation's HR platform")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {
    public static final String AGENDA_HISTORY = "/imports/agenda-history";

    private final JsonWebToken token;
    private final AgendaHistoryImport history;
    private final RequestBodies validation;
    private final IdempotentCreates idempotent;

    public ImportsResource(JsonWebToken token, AgendaHistoryImport history, RequestBodies validation,
            IdempotentCreates idempotent) {
        this.token = token;
        this.history = history;
        this.validation = validation;
        this.idempotent = idempotent;
    }

    @ImportBudget
    @POST
    @Path("/agenda-history")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.INTEGRATION)
    @Operation(operationId = "importAgendaHistory", summary = "Import the topics and agreements of past meetings",
            description = "For an HR platform moving history in from another tool, after the series and meetings were "
                    + "imported into meetings-service (whose events tell agenda-service of them). Topics with whether "
                    + "they were discussed; agreements made, with due date changes, completed or dropped. Each event "
                    + "carries the real date as its time (ce_time) and now as when it was recorded. All or nothing: "
                    + "if any row is refused, nothing is stored and every refused row is reported by its path, e.g. "
                    + "meetings[3].agreements[0].dropReason. Imported topics are not carried over. Body up to 16 MiB. "
                    + "Send an Idempotency-Key: a retry after a lost answer then gets the first answer again instead "
                    + "of importing the history twice.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ImportAgendaHistoryRequest.class),
            examples = @ExampleObject(name = "one meeting", value = ImportRequests.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Imported: the ids given, per meeting, in the order sent",
            content = @Content(schema = @Schema(implementation = ImportRequests.ImportResult.class),
                    examples = @ExampleObject(name = "one meeting", value = AgreementExamples.IMPORTED)))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = AgreementExamples.IMPORT_INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = AgreementExamples.IMPORT_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Only an integration imports history",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = AgreementExamples.IMPORT_FORBIDDEN)))
    @APIResponse(responseCode = "413", description = "Body over 16 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too large", value = AgreementExamples.TOO_LARGE)))
    @APIResponse(responseCode = "422", description = "Rows refused (unknown meeting, not a participant, dates out of "
            + "order or in the future), nothing was stored; or the Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "refused", value = AgreementExamples.IMPORT_REFUSED),
                            @ExampleObject(name = "key reused", value = AgreementExamples.IMPORT_KEY_REUSED) }))
    public Uni<Response> importAgendaHistory(
            @Parameter(description = ProblemExamples.IDEMPOTENCY_KEY) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            ImportAgendaHistoryRequest request) {
        Caller caller = Caller.of(token);
        validation.valid(request);
        return idempotent.once(caller, idempotencyKey, "POST " + AGENDA_HISTORY, request,
                () -> history.run(caller.organisationId(), ImportRequests.history(request))
                        .map(results -> Response.status(Response.Status.CREATED)
                                .entity(ImportRequests.result(results)).build()));
    }
}
