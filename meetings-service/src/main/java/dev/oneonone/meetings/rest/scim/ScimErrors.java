package dev.oneonone.meetings.rest.scim;

import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.rest.ProblemRendering;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every error under {@code /scim/} is a SCIM error message (RFC 7644 section 3.12), never a problem detail: the
 * SCIM resources' own {@link ScimError}s, and whatever the suite's shared layers answer there as a problem (401, 403,
 * a leaver's 403, 413, 415, a 503 of a database outage, ...), rewritten with the same status and detail.
 */
public class ScimErrors {
    public static final String MEDIA_TYPE = "application/scim+json";
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String PREFIX = "scim/";

    private final ObjectMapper mapper;

    public ScimErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response scimError(ScimError e) {
        return Response.status(e.status()).type(MEDIA_TYPE).entity(body(e.status(), e.scimType(), e.getMessage())).build();
    }

    /** A problem detail answered under /scim/ becomes the SCIM error of the same status. */
    @ServerResponseFilter
    public void rewriteProblems(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(path.startsWith("/" + PREFIX) || path.startsWith(PREFIX)) || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        response.setEntity(fromProblem(problem), null, MediaType.valueOf(MEDIA_TYPE));
    }

    /** The SCIM error of a problem detail: the same status, its detail (or its fields at fault), a scimType where one fits. */
    String fromProblem(Problem problem) {
        String detail = problem.detail();
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            detail = problem.errors().stream().map(ScimErrors::describe).collect(Collectors.joining("; "));
        }
        String type = problem.type() == null ? "" : problem.type().substring(problem.type().lastIndexOf('/') + 1);
        String scimType = switch (type) {
            case "malformed-json", "malformed-request" -> "invalidSyntax";
            case "invalid-input" -> "invalidValue";
            default -> null;
        };
        return body(problem.status(), scimType, detail);
    }

    /** The HTTP layer's refusals under /scim/ (413 of a chunked body, 414, 431) as SCIM errors too. */
    @ApplicationScoped
    public static class HttpLayer implements ProblemRendering {
        private final ScimErrors errors;

        public HttpLayer(ObjectMapper mapper) {
            this.errors = new ScimErrors(mapper);
        }

        @Override
        public boolean covers(String path) {
            return path.startsWith("/" + PREFIX);
        }

        @Override
        public String mediaType() {
            return MEDIA_TYPE;
        }

        @Override
        public String render(Problem problem) {
            return errors.fromProblem(problem);
        }
    }

    private static String describe(FieldError error) {
        return error.field() + ": " + error.message();
    }

    /** The error message's JSON, as text: written as it is whatever the negotiated media type. */
    String body(int status, String scimType, String detail) {
        ObjectNode error = mapper.createObjectNode();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", Integer.toString(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        if (detail != null) {
            error.put("detail", detail);
        }
        return error.toString();
    }
}
