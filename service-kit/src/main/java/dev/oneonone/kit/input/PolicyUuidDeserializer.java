package dev.oneonone.kit.input;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads every id of a request body strictly: only a JSON string in the canonical form
 * {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} (hex digits, RFC 9562 section 4) is an id. Jackson's own reader
 * trims the text first (so {@code "\u0000"} or {@code " "} became a missing id, null) and takes a 24-character
 * Base64 text as an id; both are refused, reason {@value #NOT_AN_ID}. Reads through
 * {@link StrictJson#trustedReader} keep Jackson's reader.
 */
public class PolicyUuidDeserializer extends StdScalarDeserializer<UUID> {
    private static final long serialVersionUID = 1L;
    public static final String NOT_AN_ID = "not-an-id";
    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Whether the text is an id in the canonical form (also the rule for ids in query parameters and headers). */
    public static boolean canonical(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    public PolicyUuidDeserializer() {
        super(UUID.class);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.OtherScalar;
    }

    @Override
    public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (StrictJson.isTrusted(ctxt)) {
            return new UUIDDeserializer().deserialize(p, ctxt);
        }
        if (!p.hasToken(JsonToken.VALUE_STRING) || !canonical(p.getText())) {
            throw new InputRuleException(p, NOT_AN_ID, "must be an id: a JSON string of the form "
                    + "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hex digits)");
        }
        return UUID.fromString(p.getText());
    }
}
