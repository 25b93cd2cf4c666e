package dev.oneonone.kit.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Every JSON request body must be well-formed UTF-8 (RFC 8259 section 8.1; docs/api-standards.md, "Text"), checked
 * once before Jackson reads it: Jackson's own UTF-8 reader decodes over-long forms leniently (the bytes
 * {@code C0 AF} come out as {@code /}). The JDK's strict decoder refuses over-long forms, encoded surrogates
 * ({@code ED A0 80}), bytes that never occur ({@code FF}) and cut sequences; a raw NUL byte (a body in UTF-16 or
 * UTF-32, which Jackson would otherwise detect and decode) is refused too. The body is refused with
 * {@link InvalidUtf8Exception} (400 {@code malformed-json}). The body is already bounded by the API's size limits
 * when it gets here ({@code kit.rest.RequestBodyLimit}, {@code kit.rest.HttpLayerProblems}).
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || isJson(type)) {
            byte[] body = context.getInputStream().readAllBytes();
            check(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /**
     * Checks that {@code body} is well-formed UTF-8.
     *
     * @throws InvalidUtf8Exception naming the offset of the first malformed byte
     */
    public static void check(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                // JSON in UTF-8 never holds a raw NUL (a control character must be escaped): this is UTF-16 or UTF-32
                throw new InvalidUtf8Exception(i);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            decoder.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception(firstMalformed(body));
        }
    }

    /** The offset of the first byte that does not start a well-formed sequence. */
    private static long firstMalformed(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** A request body that is not well-formed UTF-8: answered 400 {@code malformed-json}. */
    public static class InvalidUtf8Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        public InvalidUtf8Exception(long offset) {
            super("The request body is not well-formed UTF-8 (a malformed byte sequence at byte " + offset + ").",
                    null, false, false);
            this.offset = offset;
        }

        /** The offset of the first malformed byte, counted from 0. */
        public long offset() {
            return offset;
        }
    }
}
