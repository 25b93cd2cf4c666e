package dev.oneonone.kit.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads every string of a request body under {@link TextRules}: only a JSON string is a string (a number,
 * boolean, object or array is refused, reason {@value #NOT_A_STRING}), then the text rules, multi-line where the
 * property is marked {@link MultilineText}. Reads through {@link StrictJson#trustedReader} skip all of it.
 */
public class PolicyStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;
    public static final String NOT_A_STRING = "not-a-string";

    private final boolean multiline;

    public PolicyStringDeserializer() {
        this(false);
    }

    private PolicyStringDeserializer(boolean multiline) {
        super(String.class);
        this.multiline = multiline;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        boolean marked = property != null && (property.getAnnotation(MultilineText.class) != null
                || property.getContextAnnotation(MultilineText.class) != null);
        return marked == multiline ? this : new PolicyStringDeserializer(marked);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (StrictJson.isTrusted(ctxt)) {
            return StringDeserializer.instance.deserialize(p, ctxt);
        }
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new InputRuleException(p, NOT_A_STRING, "must be a JSON string");
        }
        String value = p.getText();
        TextRules.Violation violation = TextRules.check(value, multiline);
        if (violation != null) {
            throw new InputRuleException(p, violation.reason(), violation.message());
        }
        return value;
    }
}
