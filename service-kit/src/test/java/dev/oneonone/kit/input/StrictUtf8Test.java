package dev.oneonone.kit.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Request bodies must be well-formed UTF-8: what Jackson alone would decode leniently is refused first. */
class StrictUtf8Test {

    /** {@code {"t":"a<bytes>"}} with the bytes given in hex. */
    private static byte[] body(String hex) {
        byte[] start = "{\"t\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] middle = HexFormat.of().parseHex(hex);
        byte[] end = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[start.length + middle.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(middle, 0, all, start.length, middle.length);
        System.arraycopy(end, 0, all, start.length + middle.length, end.length);
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = { "C0AF", "C1BF", "E080AF", "F08080AF", "EDA080", "FF", "C328", "F888808080", "E282" })
    void malformed_sequences_are_refused_at_their_offset(String hex) {
        StrictUtf8.InvalidUtf8Exception e = assertThrows(StrictUtf8.InvalidUtf8Exception.class,
                () -> StrictUtf8.check(body(hex)));
        assertEquals(7, e.offset());
    }

    @ParameterizedTest
    @ValueSource(strings = { "C3BC", "E282AC", "F09F9880", "" })
    void well_formed_utf8_passes(String hex) {
        assertDoesNotThrow(() -> StrictUtf8.check(body(hex)));
    }

    /** Why the check is needed: Jackson reads the over-long C0 AF as "/". */
    @org.junit.jupiter.api.Test
    void jackson_alone_would_read_an_overlong_slash() throws Exception {
        assertEquals("a/", new ObjectMapper().readTree(body("C0AF")).get("t").asText());
    }
}
