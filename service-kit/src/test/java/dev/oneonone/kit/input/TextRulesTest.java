package dev.oneonone.kit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text rules, by example and as properties over generated strings: for all strings, one holding a control
 * character is refused outside multi-line fields, and one made of printable characters with a visible one is
 * accepted in multi-line fields, and in single-line ones unless it holds a hidden format character. The generator is seeded (the seed is in the failure message) and draws from the
 * whole of Unicode, weighted towards the characters the rules are about.
 */
class TextRulesTest {
    private static final int RUNS = 20_000;

    @ParameterizedTest
    @ValueSource(strings = { "Career", "Émile Zola", "名前", "😀 ok", "a-b_c.d", "x", "👩\u200D💻 dev", "می\u200Cخواهم" })
    void printable_text_passes(String text) {
        assertNull(TextRules.check(text, false));
        assertNull(TextRules.check(text, true));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u200Bvisible", "left\u00ADright", "x@acme.example\u200B", "\uFEFFname", "a\u202Eb" })
    void hidden_format_characters_only_in_multiline_text(String text) {
        assertEquals(TextRules.FORMAT_CHARACTER, TextRules.check(text, false).reason());
        assertNull(TextRules.check(text, true));
    }

    @Test
    void line_breaks_and_tabs_only_in_multiline_text() {
        assertEquals(TextRules.LINE_BREAK, TextRules.check("a\nb", false).reason());
        assertEquals(TextRules.LINE_BREAK, TextRules.check("a\r\nb", false).reason());
        assertEquals(TextRules.LINE_BREAK, TextRules.check("a\tb", false).reason());
        assertNull(TextRules.check("a\nb\r\n\tc", true));
        assertEquals(TextRules.CONTROL_CHARACTER, TextRules.check("a\rb", true).reason());
        assertEquals(TextRules.LINE_BREAK, TextRules.check("a\u2028b", true).reason());
    }

    @Test
    void controls_surrogates_noncharacters_and_invisible_only_are_refused() {
        assertEquals(TextRules.CONTROL_CHARACTER, TextRules.check("\u0000", true).reason());
        assertEquals(TextRules.CONTROL_CHARACTER, TextRules.check("a\u007Fb", false).reason());
        assertEquals(TextRules.CONTROL_CHARACTER, TextRules.check("a\u0085b", true).reason());
        assertEquals(TextRules.UNPAIRED_SURROGATE, TextRules.check("a\uD83D", false).reason());
        assertEquals(TextRules.UNPAIRED_SURROGATE, TextRules.check("\uDE00a", false).reason());
        assertEquals(TextRules.NONCHARACTER, TextRules.check("a\uFFFF", false).reason());
        assertEquals(TextRules.INVISIBLE_ONLY, TextRules.check(" ", false).reason());
        assertEquals(TextRules.INVISIBLE_ONLY, TextRules.check("\u200B\uFEFF\u00AD\u2060\u3164", false).reason());
        assertEquals(TextRules.INVISIBLE_ONLY, TextRules.check("\n\t", true).reason());
        assertNull(TextRules.check("", false));
    }

    @Test
    void any_string_with_a_control_character_is_refused_outside_multiline_fields() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < RUNS; run++) {
            String text = printable(random) + (char) control(random) + printable(random);
            assertNotNull(TextRules.check(text, false), () -> "seed " + seed + ": accepted " + escape(text));
        }
    }

    @Test
    void any_printable_string_with_a_visible_character_is_accepted() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < RUNS; run++) {
            String text = printable(random) + "a" + printable(random);
            boolean hidden = text.codePoints().anyMatch(TextRules::isHiddenFormat);
            assertEquals(hidden ? TextRules.FORMAT_CHARACTER : null,
                    java.util.Optional.ofNullable(TextRules.check(text, false)).map(TextRules.Violation::reason).orElse(null),
                    () -> "seed " + seed + ": " + escape(text));
            assertNull(TextRules.check(text, true), () -> "seed " + seed + ": refused in multi-line " + escape(text));
        }
    }

    @Test
    void any_multiline_string_of_printable_lines_is_accepted() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        String[] breaks = { "\n", "\r\n", "\t" };
        for (int run = 0; run < RUNS; run++) {
            String text = "x" + printable(random) + breaks[random.nextInt(breaks.length)] + printable(random);
            assertNull(TextRules.check(text, true), () -> "seed " + seed + ": refused " + escape(text));
            assertNotNull(TextRules.check(text, false), () -> "seed " + seed + ": accepted " + escape(text));
        }
    }

    /** Up to 12 code points, none a control, surrogate half or noncharacter; any plane. */
    private static String printable(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(13);
        while (text.codePointCount(0, text.length()) < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20, 0x7F);
                case 1 -> random.nextInt(0xA0, 0x3000);
                case 2 -> random.nextInt(0x3000, 0x30000);
                default -> random.nextInt(0x200B, 0x2070); // spaces and format characters
            };
            if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                if (!TextRules.isControl(codePoint) && !TextRules.isNoncharacter(codePoint)
                        && codePoint != 0x2028 && codePoint != 0x2029 && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    text.appendCodePoint(codePoint);
                }
            }
        }
        return text.toString();
    }

    /** A C0 control (line breaks and tab included), DEL or a C1 control. */
    private static int control(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(0x00, 0x20);
            case 1 -> 0x7F;
            default -> random.nextInt(0x80, 0xA0);
        };
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> escaped.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c)));
        return escaped.toString();
    }
}
