package dev.oneonone.meetings.rest.problem;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.oneonone.meetings.domain.Rejection;
import dev.oneonone.meetings.eventstore.ConcurrentAppendException;
import dev.oneonone.meetings.rest.problem.Problem.FieldError;
import dev.oneonone.meetings.service.RejectedCommandException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every error the API answers is an RFC 9457 problem detail; refused input names its fields. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return invalidInput(uri, errors);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return invalidInput(uri, List.of(new FieldError(e.field(), e.getMessage())));
    }

    /** Declared for the exact type, which Quarkus REST otherwise answers with its own built-in mapper. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return invalidInput(uri, List.of(new FieldError(field, "has a value of the wrong type or format")));
        }
        return problem(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.", uri, null);
    }

    @ServerExceptionMapper
    public Response rejected(RejectedCommandException e, UriInfo uri) {
        Rejection rejection = e.rejection();
        List<FieldError> errors = rejection.field() == null ? null
                : List.of(new FieldError(rejection.field(), rejection.detail()));
        // A refused field is unprocessable input; a refused command as a whole conflicts with the current state.
        int status = rejection.field() == null ? 409 : 422;
        return problem(status, rejection.reason(), "Refused by a domain rule", rejection.detail(), uri, errors);
    }

    /** A history import refused as a whole: every row at fault with its path and reason code. */
    @ServerExceptionMapper
    public Response seriesImportRefused(dev.oneonone.meetings.service.SeriesImportRefusedException e, UriInfo uri) {
        List<FieldError> errors = e.rejections().stream()
                .map(r -> new FieldError(r.field(), r.detail(), r.reason())).toList();
        return problem(422, "import-refused", "Import refused", e.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return problem(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), uri,
                List.of(new FieldError("Idempotency-Key", "was used for a different request")));
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrentAppendException e, UriInfo uri) {
        return problem(409, "version-conflict", "Version conflict",
                "Series " + e.streamId() + " is no longer at version " + e.expectedVersion()
                        + "; read it again and retry.", uri, null);
    }

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
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String type = status == 404 ? "not-found" : "http-" + status;
        return problem(status, type, title, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return problem(500, "internal-error", "Internal error", "The request could not be completed.", uri, null);
    }

    private static Response invalidInput(UriInfo uri, List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return problem(400, "invalid-input", "Invalid input", detail, uri, errors);
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + type, title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** The last node of a violation's path: the request field or parameter the client sent. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        // Path: method.parameter[.field...]; drop the method and, for bodies, the parameter name.
        List<Path.Node> rest = nodes.size() > 2 ? nodes.subList(2, nodes.size()) : nodes.subList(nodes.size() - 1, nodes.size());
        StringBuilder field = new StringBuilder();
        for (Path.Node node : rest) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']'); // the element of the list before
            }
            if (node.getName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
