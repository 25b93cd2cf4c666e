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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.application.templates.TemplateApplications;
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.application.templates.TemplateApplications.Application;
import dev.oneonone.agenda.rest.TemplateBodies.TemplateApplicationView;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A participant applies a template to a meeting's agenda: its questions become topics, once per meeting and template. */
@Path("/meetings/{meetingId}/templates")
@Tag(name = "Templates", description = "Agenda templates of the organisation, and the built-in first-meeting template")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateApplicationResource {
    private final JsonWebToken token;
    private final TemplateApplications applications;
    private final IdempotentCreates idempotent;
    private final Agendas agendas;

    public TemplateApplicationResource(JsonWebToken token, TemplateApplications applications,
            IdempotentCreates idempotent, Agendas agendas) {
        this.token = token;
        this.agendas = agendas;
        this.applications = applications;
        this.idempotent = idempotent;
    }

    @POST
    @Path("/{templateId}/application")
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "applyTemplate", summary = "Apply a template to a meeting's agenda",
            description = "Either participant puts a template's questions (one of the organisation's templates, or the "
                    + "built-in one) on a scheduled meeting's agenda before it starts, as topics of the leader's side. "
                    + "Records a TopicAdded per question and TemplateApplied (ids and kinds only). Applying the same "
                    + "template to the same meeting again adds nothing and answers 200 with the topics of the first time.")
    @APIResponse(responseCode = "201", description = "Applied; ETag: the agenda's new version; Location: the meeting's agenda"
            + " (/meetings/{meetingId}/agenda), which now holds the template's topics",
            content = @Content(schema = @Schema(implementation = TemplateApplicationView.class),
                    examples = @ExampleObject(name = "applied", value = TemplateBodies.APPLICATION_EXAMPLE)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "200", description = "Already applied before: nothing added",
            content = @Content(schema = @Schema(implementation = TemplateApplicationView.class),
                    examples = @ExampleObject(name = "applied", value = TemplateBodies.APPLICATION_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Malformed If-Match or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own, or no such template in the organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The meeting is not open (meeting-not-open), or a stale If-Match / concurrent change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not open", value = ProblemExamples.NOT_OPEN)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ProblemExamples.KEY_REUSED)))
    public Uni<Response> apply(@PathParam("meetingId") UUID meetingId, @PathParam("templateId") UUID templateId,
            @Parameter(description = "The agenda's version as last read (its ETag)") @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Parameter(description = ProblemExamples.IDEMPOTENCY_KEY) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        Caller caller = Caller.of(token);
        Long expected = Versions.fromIfMatch(ifMatch);
        String path = "/meetings/" + meetingId + "/templates/" + templateId + "/application";
        // the access check comes before any replay: a key (kept per caller anyway) answers only on a meeting the caller sees
        return agendas.access(caller, meetingId).chain(visible -> idempotent.once(caller, idempotencyKey, "POST " + path, "",
                () -> applications.apply(caller, meetingId, templateId, expected)
                        .map(application -> answer(application, "/meetings/" + meetingId + "/agenda"))));
    }

    /** A first application is created (201) with the agenda, which GET answers, as its Location. */
    private static Response answer(Application application, String agenda) {
        TemplateApplicationView view = new TemplateApplicationView(application.meetingId(), application.template().id(),
                application.template().builtIn(), application.topics().stream().map(TopicView::of).toList());
        Response.ResponseBuilder response = application.created()
                ? Response.created(URI.create(agenda))
                : Response.ok();
        return response.entity(view).tag(Versions.tag(application.version())).build();
    }
}
