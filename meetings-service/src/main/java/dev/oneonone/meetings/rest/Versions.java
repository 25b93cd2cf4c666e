package dev.oneonone.meetings.rest;

import dev.oneonone.meetings.rest.problem.InvalidInputException;

/** Versions of aggregates travel in ETag and If-Match as a quoted number, e.g. {@code "3"}. */
final class Versions {
    private Versions() {
    }

    /** The expected version an If-Match header states, or null when the caller did not send one. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be a version as given in an ETag, e.g. \"3\"");
        }
    }
}
