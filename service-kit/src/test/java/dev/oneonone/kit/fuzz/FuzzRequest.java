package dev.oneonone.kit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated malformed request.
 *
 * @param kind what is wrong with it
 * @param detail where and how, short enough for a report line
 * @param method the HTTP method
 * @param path path and query
 * @param headers the headers to send (an empty value leaves the header out)
 * @param body the body bytes; null for none
 * @param chunked send the body without a Content-Length (chunked transfer encoding)
 */
public record FuzzRequest(Kind kind, String detail, String method, String path, Map<String, String> headers,
        byte[] body, boolean chunked) {

    /** The kinds of malformed input the suite generates. */
    public enum Kind {
        NUL_IN_STRING, CONTROL_CHARACTER, LINE_BREAK_IN_SINGLE_LINE, LONE_SURROGATE, INVISIBLE_ONLY, OVERLONG_STRING,
        INVALID_UTF8, NUMBER_FOR_STRING, STRING_FOR_NUMBER, NULL_FIELD, NULL_ELEMENT, DUPLICATE_KEY, UNKNOWN_FIELD,
        ODD_DATE, TRUNCATED_JSON, DEEP_NESTING, NOT_AN_OBJECT, ODD_IF_MATCH, ODD_IDEMPOTENCY_KEY, ODD_CONTENT_TYPE,
        ODD_PATH_ID, BAD_TOKEN, HUGE_HEADER, HUGE_URL, OVERSIZED_CHUNKED_BODY
    }

    /** The request as a reproducible one-liner (body cut at 300 characters). */
    public String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (text.length() > 300) {
            text = text.substring(0, 300) + "...(" + body.length + " bytes)";
        }
        String shownPath = path.length() > 200 ? path.substring(0, 200) + "...(" + path.length() + " chars)" : path;
        return kind + " [" + detail + "] " + method + " " + shownPath + (chunked ? " chunked" : "") + " " + text;
    }
}
