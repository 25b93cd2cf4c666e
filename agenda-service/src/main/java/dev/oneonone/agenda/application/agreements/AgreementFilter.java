package dev.oneonone.agenda.application.agreements;

import java.util.Locale;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;

/** Which agreements of a series a list shows: the open ones, the closed ones (completed or dropped), or all. */
public enum AgreementFilter {
    OPEN,
    CLOSED,
    ALL;

    public static AgreementFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return OPEN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(java.util.List.of(new FieldError("status", "must be open, closed or all")));
        }
    }
}
