package dev.oneonone.kit.problem;

import java.util.List;

import dev.oneonone.kit.problem.Problem.FieldError;

/**
 * Input refused before it reached the domain, field by field: a header, query parameter or body field
 * that is missing or malformed. Answered 400 {@code invalid-input} with every field at fault; nothing changed.
 */
public class InvalidInputException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : "The request has invalid fields.", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first field at fault. */
    public String field() {
        return errors.get(0).field();
    }
}
