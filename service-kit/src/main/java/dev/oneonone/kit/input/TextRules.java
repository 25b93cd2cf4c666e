package dev.oneonone.kit.input;

/**
 * What a text value of a request may contain, the suite's one rule (docs/api-standards.md, "Text"):
 * <ul>
 * <li>no control characters: C0 (U+0000 to U+001F, NUL included), DEL (U+007F), C1 (U+0080 to U+009F); in a
 * {@link MultilineText multi-line} field only, line breaks ({@code \n}, {@code \r\n}) and tab ({@code \t});
 * a lone {@code \r} and the Unicode separators U+2028 and U+2029 never;</li>
 * <li>no unpaired UTF-16 surrogates and no noncharacters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF);</li>
 * <li>a non-empty value holds at least one visible character: one made only of whitespace and invisible
 * characters ({@link #isInvisible}) is refused;</li>
 * <li>a single-line value holds no invisible format character ({@link #isHiddenFormat}): {@code "x@acme.example\u200B"}
 * would otherwise pass for another address than {@code "x@acme.example"}.</li>
 * </ul>
 * The empty string passes here; whether a field may be empty is the field's own constraint.
 */
public final class TextRules {
    /** Reason codes of the refusals (the {@code reason} of a problem detail's field error). */
    public static final String CONTROL_CHARACTER = "control-character";
    public static final String LINE_BREAK = "line-break";
    public static final String UNPAIRED_SURROGATE = "unpaired-surrogate";
    public static final String NONCHARACTER = "noncharacter";
    public static final String INVISIBLE_ONLY = "invisible-only";
    public static final String FORMAT_CHARACTER = "format-character";

    /** A refused text: the rule's reason code and a message naming the character and where it is. */
    public record Violation(String reason, String message) {
    }

    private TextRules() {
    }

    /**
     * @param value the decoded text (Java UTF-16)
     * @param multiline whether the field is marked {@link MultilineText}
     * @return the first rule the value breaks, or null when it is acceptable
     */
    public static Violation check(String value, boolean multiline) {
        boolean visible = false;
        int format = -1;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                    if (isNoncharacter(codePoint)) {
                        return noncharacter(codePoint, i);
                    }
                    if (format < 0 && isHiddenFormat(codePoint)) {
                        format = i;
                    }
                    visible |= !isInvisible(codePoint);
                    i++;
                    continue;
                }
                return new Violation(UNPAIRED_SURROGATE, "must not contain an unpaired surrogate (" + hex(c) + " at index " + i + ")");
            }
            if (Character.isLowSurrogate(c)) {
                return new Violation(UNPAIRED_SURROGATE, "must not contain an unpaired surrogate (" + hex(c) + " at index " + i + ")");
            }
            if (c == '\n' || c == '\t' || (c == '\r' && i + 1 < length && value.charAt(i + 1) == '\n')) {
                if (!multiline) {
                    return new Violation(LINE_BREAK, "must be a single line: no line breaks or tabs (" + hex(c) + " at index " + i + ")");
                }
                continue;
            }
            if (c == '\u2028' || c == '\u2029') {
                return new Violation(LINE_BREAK, "must not contain " + hex(c) + " (at index " + i + "); line breaks are \\n or \\r\\n, in multi-line fields only");
            }
            if (isControl(c)) {
                return new Violation(CONTROL_CHARACTER, "must not contain control characters (" + hex(c) + " at index " + i + ")");
            }
            if (isNoncharacter(c)) {
                return noncharacter(c, i);
            }
            if (format < 0 && isHiddenFormat(c)) {
                format = i;
            }
            visible |= !isInvisible(c);
        }
        if (length > 0 && !visible) {
            return new Violation(INVISIBLE_ONLY, "must contain visible characters, not only whitespace or invisible ones");
        }
        if (!multiline && format >= 0) {
            return new Violation(FORMAT_CHARACTER, "must not contain the invisible format character " + hex(value.codePointAt(format))
                    + " (at index " + format + ")");
        }
        return null;
    }

    /**
     * A format character (Unicode category Cf) that a single-line value (a name, an e-mail address, a code) never
     * needs and that makes two values look the same (U+200B zero width space, U+FEFF, U+00AD soft hyphen, U+2060,
     * bidirectional overrides): all of Cf but the joiners U+200C and U+200D (emoji sequences, Persian and Indic
     * names) and the direction marks U+200E and U+200F (names mixing scripts).
     */
    public static boolean isHiddenFormat(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT && (codePoint < 0x200C || codePoint > 0x200F);
    }

    /** C0 controls, DEL and C1 controls. */
    public static boolean isControl(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /**
     * Whether a code point shows nothing by itself: whitespace and space separators, format characters (Unicode
     * category Cf, e.g. U+200B zero width space, U+FEFF, U+00AD soft hyphen, U+2060 word joiner), controls,
     * the fillers U+115F, U+1160, U+3164, U+FFA0, the braille blank U+2800, U+034F and the variation selectors.
     */
    public static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT || isControl(codePoint)
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800 || codePoint == 0x034F
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    /** U+FDD0 to U+FDEF and the last two code points of every plane. */
    public static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static Violation noncharacter(int codePoint, int index) {
        return new Violation(NONCHARACTER, "must not contain the noncharacter " + hex(codePoint) + " (at index " + index + ")");
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
