package dev.oneonone.agenda.rest.problem;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.oneonone.agenda.eventstore.ConcurrentAppendException;
import dev.oneonone.agenda.imports.ImportRefusedException;
import dev.oneonone.agenda.rest.problem.Problem.FieldError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every error the API answers is an RFC 9457 problem detail; refused input names its fields. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required: missing, expired, wrongly signed or from another issuer.", uri, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "Your role does not allow this operation." : e.getMessage();
        return problem(403, "forbidden", "Forbidden", detail, uri, null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, status == 404 ? "not-found" : "http-" + status,
                known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        return problem(400, "invalid-input", "Invalid input", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response rejected(RejectedException e, UriInfo uri) {
        String reason = e.rejection().reason();
        int status = reason.endsWith("-not-found") ? 404 : 409;
        return problem(status, reason, status == 404 ? "Not Found" : "Conflict", e.getMessage(), uri, null);
    }

    /** A history import refused as a whole: every row at fault with its path. */
    @ServerExceptionMapper
    public Response importRefused(ImportRefusedException e, UriInfo uri) {
        return problem(422, "import-refused", "Import refused", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response concurrent(ConcurrentAppendException e, UriInfo uri) {
        return problem(409, "concurrent-change", "Conflict",
                "The agenda was changed at the same time by another request; read it again and retry.", uri, null);
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return problem(500, "internal-error", "Internal error", "The request could not be completed.", uri, null);
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + type, title, status, detail, uri.getPath(), errors)).build();
    }
}
