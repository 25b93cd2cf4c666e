package dev.oneonone.kit.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.oneonone.kit.input.StrictUtf8;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.rest.IdempotentCreates;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every error a service answers is an RFC 9457 problem detail ({@link Problem}); refused input names its
 * fields. These are the mappers every service shares: invalid input (400 {@code invalid-input}, from Bean
 * Validation, {@link InvalidInputException}, query and header parameters that cannot be converted
 * ({@link dev.oneonone.kit.rest.StrictParameters}) and mistyped JSON), unreadable JSON (400 {@code malformed-json}),
 * a reused Idempotency-Key (422), 401, 403, other HTTP errors, 503 {@code service-unavailable} with
 * {@code Retry-After} when the database cannot be reached ({@link DatabaseOutage}), and 500 for anything
 * unexpected (logged).
 * A service adds mappers for its own domain exceptions (rejections, conflicts, refused imports) with
 * {@link #problem}.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> FieldError.of(fieldOf(v), v))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalidInput(uri, errors);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return invalidInput(uri, e.errors());
    }

    /** Declared for the exact type, which Quarkus REST otherwise answers with its own built-in mapper. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /**
     * A body Jackson refused: 400 {@code invalid-input} naming the field and the rule when one is at fault
     * (strict JSON, text and date rules: {@link JsonRefusals}), else 400 {@code malformed-json}.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        List<FieldError> errors = JsonRefusals.fieldErrors(e);
        return errors.isEmpty() ? malformedJson(uri) : invalidInput(uri, errors);
    }

    /** 400 {@code malformed-json}: the body is not JSON (a syntax error, or cut short). */
    public static Response malformedJson(UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.", uri, null);
    }

    /** 400 {@code malformed-json}: the body is not well-formed UTF-8 ({@link StrictUtf8}). */
    @ServerExceptionMapper
    public Response invalidUtf8(StrictUtf8.InvalidUtf8Exception e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return problem(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), uri,
                List.of(new FieldError(IdempotentCreates.HEADER, "was used for a different request", "idempotency-key-reused")));
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
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // Quarkus REST's reader wraps some parse failures (e.g. a truncated body)
        }
        if (e.getCause() instanceof InvalidInputException invalid) {
            return invalidInput(uri, invalid.errors()); // a query or header parameter refused by StrictParameters
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, status == 404 ? "not-found" : "http-" + status,
                known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), uri, null);
    }

    /**
     * 415 {@code unsupported-media-type}, in our words rather than the framework's: which media type was sent and
     * which the suite reads (docs/api-standards.md).
     */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers, UriInfo uri) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return problem(415, "unsupported-media-type", "Unsupported media type", (sent == null ? "The body has no Content-Type"
                : "The body's Content-Type '" + sent + "' is not one this operation reads") + ": send it as JSON with "
                + "Content-Type: application/json (UTF-8; the SCIM operations also read application/scim+json).", uri, null);
    }

    /** 406 {@code not-acceptable}, in our words: which Accept header was sent and what the suite answers. */
    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, HttpHeaders headers, UriInfo uri) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return problem(406, "not-acceptable", "Not acceptable", "No answer of this operation is of a type the Accept header '"
                + accept + "' allows: operations answer application/json (errors application/problem+json, calendar feeds "
                + "text/calendar, SCIM application/scim+json); accept one of them or */*, or send no Accept header.", uri, null);
    }

    /** A part of an answer another service of the suite serves (an export's agenda, the insights access records) was not to be had. */
    @ServerExceptionMapper
    public Response partUnavailable(dev.oneonone.kit.privacy.ServiceParts.PartUnavailableException e, UriInfo uri) {
        LOG.warn("A part from another service is unavailable on " + uri.getPath() + ": " + e.getMessage());
        return Response.fromResponse(problem(503, "service-unavailable", "Service unavailable",
                "Another service of the suite holding part of this answer cannot be reached; try again in a few seconds.", uri, null))
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.isOutage(e)) {
            LOG.warn("Database unavailable on " + uri.getPath() + ": " + e);
            return serviceUnavailable(uri);
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return problem(500, "internal-error", "Internal error", "The request could not be completed.", uri, null);
    }

    /** 503 {@code service-unavailable} with {@code Retry-After} in seconds: the database cannot be reached. */
    public static Response serviceUnavailable(UriInfo uri) {
        return Response.fromResponse(problem(503, "service-unavailable", "Service unavailable",
                "The service cannot reach its database; try again in a few seconds.", uri, null))
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    /** 400 {@code invalid-input} naming every field at fault. */
    public static Response invalidInput(UriInfo uri, List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return problem(400, "invalid-input", "Invalid input", detail, uri, errors);
    }

    /**
     * A problem detail answer.
     *
     * @param type the last segment of the problem type, under {@link Problem#TYPE_BASE}
     * @param errors the fields at fault, or null
     */
    public static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + type, title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * The request field or parameter a violation is about. Path: method.parameter[.field...]; for a
     * body the method and the parameter name are dropped, for a parameter its name is kept. An element of a
     * list is named by its index only ({@code people[0]}, not Bean Validation's {@code people[0].<list element>}).
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<Path.Node> rest = nodes.size() > 2 ? nodes.subList(2, nodes.size()) : nodes.subList(nodes.size() - 1, nodes.size());
        StringBuilder field = new StringBuilder();
        for (Path.Node node : rest) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']'); // the element of the list before
            }
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
