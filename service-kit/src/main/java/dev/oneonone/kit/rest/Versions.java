package dev.oneonone.kit.rest;

import java.util.List;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;
import jakarta.ws.rs.core.EntityTag;

/**
 * Versions of aggregates travel in ETag and If-Match as a quoted number, e.g. {@code "3"} (RFC 9110
 * section 8.8.3): a stream's version (its event count), a note's revision, a template's version. A
 * malformed If-Match is refused as invalid input (400) naming the header.
 */
public final class Versions {
    public static final String IF_MATCH = "If-Match";

    private Versions() {
    }

    /** The version an If-Match header states, or null when the caller sent none (or {@code *}). */
    public static Long fromIfMatch(String ifMatch) {
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

    public static Integer intFromIfMatch(String ifMatch) {
        Long version = fromIfMatch(ifMatch);
        return version == null ? null : version.intValue();
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
