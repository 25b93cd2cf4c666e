package dev.oneonone.agenda.rest.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.oneonone.agenda.rest.problem.Problem.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Problem details of the API standards beside the domain's: a reused Idempotency-Key, unreadable JSON by field. */
public class ApiStandardProblems {

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
            return ProblemMappers.problem(400, "invalid-input", "Invalid input", "The request has invalid fields.",
                    uri, List.of(new FieldError(field, "has a value of the wrong type or format")));
        }
        return ProblemMappers.problem(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.",
                uri, null);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return ProblemMappers.problem(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), uri,
                List.of(new FieldError(dev.oneonone.agenda.rest.IdempotentCreates.HEADER, "was used for a different request")));
    }
}
