package dev.oneonone.agenda.rest.problem;

/** Input refused before it reached the domain: a header, parameter or field that is malformed. */
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
