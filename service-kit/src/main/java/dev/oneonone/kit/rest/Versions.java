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

    /**
     * The version an If-Match header states, or null when the caller sent none (or {@code *}). The value is one
     * entity tag as this API gives it in ETag: a quoted version, {@code "3"}; a weak tag {@code W/"3"} is taken as the
     * same version, because proxies that compress answers weaken the tags they pass on. Anything else (unquoted,
     * unbalanced, signed, a leading zero, several tags, over 2^31-1) is refused.
     *
     * @throws InvalidInputException naming If-Match
     */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        java.util.regex.Matcher tag = ENTITY_TAG.matcher(ifMatch.trim());
        if (tag.matches()) {
            long version = Long.parseLong(tag.group(1));
            if (version <= Integer.MAX_VALUE) {
                return version;
            }
        }
        throw new InvalidInputException(List.of(new FieldError(IF_MATCH,
                "must be a version as given in an ETag, e.g. \"3\"", "not-an-entity-tag")));
    }

    /** One entity tag of a version: optionally weak, quoted digits without a leading zero. */
    private static final java.util.regex.Pattern ENTITY_TAG = java.util.regex.Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,9})\"");

    public static Integer intFromIfMatch(String ifMatch) {
        Long version = fromIfMatch(ifMatch);
        return version == null ? null : version.intValue();
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
