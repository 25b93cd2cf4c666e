package dev.oneonone.insights.rest.problem;

import java.util.List;

import dev.oneonone.kit.problem.Problem.FieldError;

/** Query parameters that were refused, each with the reason: answered as a 400 problem detail. */
public class InvalidQueryException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidQueryException(List<FieldError> errors) {
        super("Invalid query: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
