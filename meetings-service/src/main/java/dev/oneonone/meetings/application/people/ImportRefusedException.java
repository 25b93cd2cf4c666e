package dev.oneonone.meetings.application.people;

import java.util.List;

/** An import in which at least one row is refused; nothing of it was stored. */
public class ImportRefusedException extends RuntimeException {
    /** One refused input of a row, e.g. field {@code people[17].email}. */
    public record RowError(int row, String field, String message) {
    }

    private final transient List<RowError> errors;

    public ImportRefusedException(List<RowError> errors) {
        super(errors.size() + " problems in the import; nothing was stored", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
