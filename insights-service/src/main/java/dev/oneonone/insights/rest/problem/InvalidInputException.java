package dev.oneonone.insights.rest.problem;

/** Input refused before any work: a parameter that is malformed, named so the problem detail can point at it. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
