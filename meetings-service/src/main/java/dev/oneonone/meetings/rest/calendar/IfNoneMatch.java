package dev.oneonone.meetings.rest.calendar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The If-None-Match precondition of RFC 9110 section 13.1.2: {@code *}, or a comma-separated list of entity
 * tags compared weakly (the opaque text alone: {@code W/"a"} matches {@code "a"} and the other way round).
 * A header that is not such a list matches nothing, so the full answer is sent.
 */
final class IfNoneMatch {
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");

    private IfNoneMatch() {
    }

    /**
     * Whether the header matches the current entity tag.
     *
     * @param header the If-None-Match header as sent
     * @param opaqueTag the current tag's text, without quotes or W/
     */
    static boolean matches(String header, String opaqueTag) {
        String list = header.strip();
        if (list.equals("*")) {
            return true;
        }
        Matcher tag = TAG.matcher(list);
        boolean matched = false;
        int at = skipSeparators(list, 0);
        while (at < list.length()) {
            if (!tag.region(at, list.length()).lookingAt()) {
                return false; // not a list of entity tags
            }
            matched |= tag.group(1).equals(opaqueTag);
            int next = skipSeparators(list, tag.end());
            if (next < list.length() && list.substring(tag.end(), next).indexOf(',') < 0) {
                return false; // two tags without a comma between them
            }
            at = next;
        }
        return matched;
    }

    /** Past optional white space and commas (RFC 9110 section 5.6.1 lets a list have empty elements). */
    private static int skipSeparators(String list, int at) {
        int i = at;
        while (i < list.length() && (list.charAt(i) == ' ' || list.charAt(i) == '\t' || list.charAt(i) == ',')) {
            i++;
        }
        return i;
    }
}
