package dev.oneonone.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A request body value that breaks one of the input rules ({@link TextRules}, {@link DateRange}, ISO dates):
 * thrown while the body is read, so Jackson adds the JSON path of the field; answered 400 {@code invalid-input}
 * naming the field, with the rule's {@link #reason() reason} code.
 */
public class InputRuleException extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String rule;

    public InputRuleException(JsonParser parser, String reason, String rule) {
        super(parser, rule);
        this.reason = reason;
        this.rule = rule;
    }

    /** The rule's code, e.g. {@code control-character} or {@code date-out-of-range}. */
    public String reason() {
        return reason;
    }

    /** What the value must be, e.g. "must not contain control characters (U+0000 at index 1)". */
    public String rule() {
        return rule;
    }
}
