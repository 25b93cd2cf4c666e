package dev.oneonone.agenda.rest;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.application.templates.Templates;
import dev.oneonone.agenda.rest.TemplateBodies.TemplatePage;
import dev.oneonone.agenda.rest.TemplateBodies.TemplateRequest;
import dev.oneonone.agenda.rest.TemplateBodies.TemplateView;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Agenda templates of the caller's organisation: HR and the integration manage them, people read them
 * (to apply one to a meeting). Templates are not 1:1 content: they hold questions, never answers.
 */
@Path("/templates")
@Tag(name = "Templates", description = "Agenda templates of the organisation, and the built-in first-meeting template")
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {
    private final JsonWebToken token;
    private final Templates templates;
    private final RequestBodies bodies;
    private final IdempotentCreates idempotent;

    public TemplatesResource(JsonWebToken token, Templates templates, RequestBodies bodies, IdempotentCreates idempotent) {
        this.token = token;
        this.templates = templates;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({ Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "createTemplate", summary = "Define an agenda template",
            description = "firstMeeting: true makes it the organisation's first-meeting template (the previous one loses "
                    + "the mark): the first meeting of each new series then starts from its questions instead of the "
                    + "built-in ones.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TemplateRequest.class),
            examples = @ExampleObject(name = "first meeting", value = TemplateBodies.REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The template; ETag: its version; Location: /templates/{id}",
            content = @Content(schema = @Schema(implementation = TemplateView.class),
                    examples = @ExampleObject(name = "template", value = TemplateBodies.TEMPLATE_EXAMPLE)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "400", description = "Invalid fields (name 1 to 100, 1 to 30 questions of 1 to 200 characters with a kind) or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Only roles hr and integration manage templates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ProblemExamples.KEY_REUSED)))
    public Uni<Response> create(
            @Parameter(description = ProblemExamples.IDEMPOTENCY_KEY) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            TemplateRequest request) {
        Caller caller = Caller.of(token);
        bodies.valid(request);
        return idempotent.once(caller, idempotencyKey, "POST /templates", request,
                () -> templates.create(caller.organisationId(), request.definition())
                        .map(template -> Response.created(URI.create("/templates/" + template.id()))
                                .tag(Versions.tag(template.version())).entity(TemplateView.of(template)).build()));
    }

    @GET
    @WithSession
    @RolesAllowed({ Caller.PERSON, Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "listTemplates", summary = "List the organisation's templates",
            description = "Its own templates, oldest first (the built-in one is at GET /templates/first-meeting while no "
                    + "own template is marked, and always at its fixed id). Cursor paging: pass 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TemplatePage.class),
            examples = @ExampleObject(name = "page", value = TemplateBodies.PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit outside 1 to 100, or a malformed cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "limit", value = ProblemExamples.LIMIT)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Directors do not read templates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    public Uni<TemplatePage> list(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit")
            @DefaultValue(Paging.DEFAULT_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        Caller caller = Caller.of(token);
        int size = Paging.limit(limit);
        return templates.list(caller.organisationId(), Paging.after(after), size)
                .map(rows -> Paging.of(rows, size, row -> TemplateView.of(templates.of(row)), row -> row.seq))
                .map(page -> new TemplatePage(page.items(), page.next()));
    }

    @GET
    @Path("/first-meeting")
    @WithSession
    @RolesAllowed({ Caller.PERSON, Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "getFirstMeetingTemplate", summary = "The template the organisation's new series start from",
            description = "The organisation's template marked firstMeeting, or else the built-in first-meeting template.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TemplateView.class),
            examples = @ExampleObject(name = "template", value = TemplateBodies.TEMPLATE_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Directors do not read templates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    public Uni<Response> firstMeeting() {
        return templates.firstMeetingTemplate(Caller.of(token).organisationId())
                .map(template -> Response.ok(TemplateView.of(template)).tag(Versions.tag(template.version())).build());
    }

    @GET
    @Path("/{templateId}")
    @WithSession
    @RolesAllowed({ Caller.PERSON, Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "getTemplate", summary = "Read a template", description = "One of the organisation's own, or the built-in one "
            + "(id 7c079a41-07a5-3f54-a302-137107d9b2e6). ETag: its version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TemplateView.class),
            examples = @ExampleObject(name = "template", value = TemplateBodies.TEMPLATE_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Directors do not read templates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such template in the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Uni<Response> read(@PathParam("templateId") UUID templateId) {
        return templates.get(Caller.of(token).organisationId(), templateId)
                .map(template -> Response.ok(TemplateView.of(template)).tag(Versions.tag(template.version())).build());
    }

    @PUT
    @Path("/{templateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({ Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "changeTemplate", summary = "Change a template", description = "Replaces its name, mark and questions. Agendas it was "
            + "already applied to keep their topics. Optional If-Match: the template's ETag.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TemplateRequest.class),
            examples = @ExampleObject(name = "first meeting", value = TemplateBodies.REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The template at its new version; ETag: that version",
            content = @Content(schema = @Schema(implementation = TemplateView.class),
                    examples = @ExampleObject(name = "template", value = TemplateBodies.TEMPLATE_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Invalid fields or If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Only roles hr and integration manage templates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such template in the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Stale If-Match (template-changed), or the built-in template (built-in-template)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ProblemExamples.TEMPLATE_CHANGED)))
    public Uni<Response> change(@PathParam("templateId") UUID templateId,
            @Parameter(description = "The template's version as last read (its ETag), e.g. \"1\"") @HeaderParam(Versions.IF_MATCH) String ifMatch,
            TemplateRequest request) {
        Caller caller = Caller.of(token);
        Integer expected = Versions.intFromIfMatch(ifMatch);
        bodies.valid(request);
        return templates.change(caller.organisationId(), templateId, expected, request.definition())
                .map(template -> Response.ok(TemplateView.of(template)).tag(Versions.tag(template.version())).build());
    }

    @DELETE
    @Path("/{templateId}")
    @WithTransaction
    @RolesAllowed({ Caller.HR, Caller.INTEGRATION })
    @Operation(operationId = "deleteTemplate", summary = "Delete a template", description = "Agendas it was applied to keep their topics; deleting the "
            + "first-meeting template brings back the built-in one. Optional If-Match: the template's ETag.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Only roles hr and integration manage templates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such template in the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Stale If-Match (template-changed), or the built-in template (built-in-template)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ProblemExamples.TEMPLATE_CHANGED)))
    public Uni<Response> delete(@PathParam("templateId") UUID templateId,
            @Parameter(description = "The template's version as last read (its ETag)") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Caller caller = Caller.of(token);
        Integer expected = Versions.intFromIfMatch(ifMatch);
        return templates.delete(caller.organisationId(), templateId, expected).replaceWith(Response.noContent().build());
    }
}
