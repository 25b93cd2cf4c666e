package dev.oneonone.kit.problem;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.oneonone.kit.input.InputRuleException;
import dev.oneonone.kit.input.UnknownFields;
import dev.oneonone.kit.problem.Problem.FieldError;

/**
 * Which field of a request body a Jackson failure is about, and which rule it broke
 * (docs/api-standards.md, "Strict JSON"). A failure with no field (the text is not JSON: truncated, a
 * syntax error) is {@code malformed-json}: {@link #fieldError} answers null.
 */
public final class JsonRefusals {
    public static final String DUPLICATE_KEY = "duplicate-key";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String NULL_VALUE = "null-not-allowed";
    public static final String WRONG_TYPE = "wrong-type";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

    private JsonRefusals() {
    }

    /**
     * Every field at fault: each unknown field of the object ({@link UnknownFields}), else the one of
     * {@link #fieldError}; empty when the body is not JSON at all.
     */
    public static List<FieldError> fieldErrors(JsonProcessingException e) {
        if (e instanceof UnknownFields.Refused unknown) {
            return unknown.fields().stream().map(field -> new FieldError(field, "is not a field of this request", UNKNOWN_FIELD)).toList();
        }
        FieldError error = fieldError(e);
        return error == null ? List.of() : List.of(error);
    }

    /** The field at fault and the rule, or null when the body is not JSON at all. */
    public static FieldError fieldError(JsonProcessingException e) {
        if (e instanceof UnknownFields.Refused unknown) {
            return new FieldError(unknown.fields().get(0), "is not a field of this request", UNKNOWN_FIELD);
        }
        StreamReadException parse = parseFailure(e);
        if (parse != null) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.lookingAt()) {
                JsonParser parser = parse.getProcessor();
                String field = parser != null ? pathOf(parser.getParsingContext(), duplicate.group(1)) : duplicate.group(1);
                return new FieldError(field, "is given more than once: each key may appear once", DUPLICATE_KEY);
            }
            if (parse instanceof com.fasterxml.jackson.core.exc.InputCoercionException && parse.getProcessor() != null) {
                // valid JSON, but a number too large for its field (e.g. 99999999999999999999 for minutes)
                JsonParser parser = parse.getProcessor();
                String name = parser.getParsingContext().getCurrentName();
                String field = name != null ? pathOf(parser.getParsingContext(), name) : "body";
                return new FieldError(field, "is a number out of the range of this field", WRONG_TYPE);
            }
            return null;
        }
        if (e instanceof JsonMappingException mapping) {
            if (mapping.getPath().isEmpty() && String.valueOf(mapping.getOriginalMessage()).contains("end-of-input")) {
                return null; // no content, or cut short before the first value
            }
            String field = mapping.getPath().isEmpty() ? "body" : pathOf(mapping.getPath());
            if (mapping instanceof InputRuleException rule) {
                return new FieldError(field, rule.rule(), rule.reason());
            }
            if (mapping instanceof UnrecognizedPropertyException) {
                return new FieldError(field, "is not a field of this request", UNKNOWN_FIELD);
            }
            if (mapping instanceof InvalidNullException) {
                return new FieldError(field, "must not be null", NULL_VALUE);
            }
            return new FieldError(field, mapping.getPath().isEmpty() ? "is not of the shape this request takes"
                    : "has a value of the wrong type or format", WRONG_TYPE);
        }
        return null;
    }

    /** A field path as the problem details name it: {@code people[0].name}. */
    public static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The path of the object holding a duplicated key, then the key: {@code people[1].name}. */
    private static String pathOf(JsonStreamContext object, String key) {
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext context = object; context != null; context = context.getParent()) {
            JsonStreamContext parent = context.getParent();
            if (parent == null || parent.inRoot()) {
                break;
            }
            field.insert(0, parent.inArray() ? "[" + parent.getCurrentIndex() + "]" : "." + parent.getCurrentName());
        }
        field.append('.').append(key);
        return field.charAt(0) == '.' ? field.substring(1) : field.toString();
    }

    private static StreamReadException parseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException parse) {
                return parse;
            }
        }
        return null;
    }
}
