package dev.oneonone.agenda.rest;

import java.util.List;

import dev.oneonone.agenda.rest.problem.InvalidInputException;
import dev.oneonone.agenda.rest.problem.Problem.FieldError;
import jakarta.ws.rs.core.EntityTag;

/**
 * Versions travel in ETag and If-Match as a quoted number, e.g. {@code "3"}: the agenda's version (its
 * stream's event count), a note's revision, a template's version.
 */
final class Versions {
    static final String IF_MATCH = "If-Match";

    private Versions() {
    }

    /** The version an If-Match header states, or null when the caller sent none (or {@code *}). */
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
            long version = Long.parseLong(value);
            if (version < 0 || version > Integer.MAX_VALUE) {
                throw new NumberFormatException(value);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldError(IF_MATCH,
                    "must be a version as given in an ETag, e.g. \"3\"")));
        }
    }

    static Integer intFromIfMatch(String ifMatch) {
        Long version = fromIfMatch(ifMatch);
        return version == null ? null : version.intValue();
    }

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
