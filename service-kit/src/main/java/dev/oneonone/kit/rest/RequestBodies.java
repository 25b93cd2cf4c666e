package dev.oneonone.kit.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;

/**
 * Checks a request body against its constraints and refuses it field by field (400), before anything changes; an
 * operation that takes no input refuses any body ({@link #none}).
 */
@ApplicationScoped
public class RequestBodies {
    private final Validator validator;
    private final ObjectMapper mapper;

    public RequestBodies(Validator validator, ObjectMapper mapper) {
        this.validator = validator;
        this.mapper = mapper;
    }

    /**
     * The body of an operation that takes no input: an empty JSON object, every field of which is unknown. Not an
     * OpenAPI schema of its own (unused components fail the lint): an operation documents its body inline.
     */
    record NoInput() {
    }

    /**
     * Refuses any body of an operation that takes none, as the other writes refuse what they do not know: none, or
     * {@code {}}, passes; a JSON body with fields answers 400 naming each ({@code unknown-field}), other JSON 400
     * ({@code wrong-type} or {@code malformed-json}; JSON null too, field {@code body}), a body of another media type 415.
     *
     * @param body the body as sent, null or empty when there is none
     * @param contentType the request's Content-Type, or null
     */
    public void none(String body, String contentType) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return;
        }
        if (!isJson(contentType)) {
            throw new NotSupportedException("A body of " + contentType);
        }
        if (mapper.readValue(body, NoInput.class) == null) { // JSON null: a body, not the absence of one, refused as []
            throw new InvalidInputException(List.of(new FieldError("body", "must be {} or left out", "wrong-type")));
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    public <T> T valid(T body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldError("body", "a JSON body is required", "required")));
        }
        List<FieldError> errors = new ArrayList<>(validator.validate(body).stream()
                .map(violation -> FieldError.of(violation.getPropertyPath().toString(), violation))
                .toList());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidInputException(errors);
        }
        return body;
    }
}
