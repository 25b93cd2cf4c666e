package dev.oneonone.meetings.rest;

import dev.oneonone.meetings.rest.problem.InvalidInputException;

/** Which organisation a request acts for. Every read and write is scoped to it. */
final class Organisation {
    static final String HEADER = "X-Organisation-Id";
    static final int MAX_LENGTH = 64;

    private Organisation() {
    }

    static String require(String organisationId) {
        if (organisationId == null || organisationId.isBlank() || organisationId.length() > MAX_LENGTH
                || !organisationId.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidInputException(HEADER,
                    "must be 1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-'");
        }
        return organisationId;
    }
}
