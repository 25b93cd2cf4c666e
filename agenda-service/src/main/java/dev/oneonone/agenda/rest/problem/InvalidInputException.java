package dev.oneonone.agenda.rest.problem;

import java.util.List;

/** The request's input was refused, field by field; answered 400. */
public class InvalidInputException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidInputException(List<Problem.FieldError> errors) {
        super("The request has invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
