package dev.oneonone.kit.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/** Checks a request body against its constraints and refuses it field by field (400), before anything changes. */
@ApplicationScoped
public class RequestBodies {
    private final Validator validator;

    public RequestBodies(Validator validator) {
        this.validator = validator;
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
