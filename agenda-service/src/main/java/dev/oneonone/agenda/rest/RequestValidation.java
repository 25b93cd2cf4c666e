package dev.oneonone.agenda.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.oneonone.agenda.rest.problem.InvalidInputException;
import dev.oneonone.agenda.rest.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/** Checks a request body's constraints and refuses it with every field at fault, before anything changes. */
@ApplicationScoped
public class RequestValidation {
    private final Validator validator;

    public RequestValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldError("body", "a JSON body is required")));
        }
        List<FieldError> errors = new ArrayList<>(validator.validate(body).stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidInputException(errors);
        }
        return body;
    }
}
