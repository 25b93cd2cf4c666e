package dev.oneonone.agenda.application.imports;

import java.util.List;

import dev.oneonone.kit.problem.Problem.FieldError;

/** An import in which at least one row is refused, each by its path (e.g. {@code meetings[3].topics[1].authorId}); nothing was stored. */
public class ImportRefusedException extends RuntimeException {
    private final transient List<FieldError> errors;

    public ImportRefusedException(List<FieldError> errors) {
        super(errors.size() + " problems in the import; nothing was stored", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
