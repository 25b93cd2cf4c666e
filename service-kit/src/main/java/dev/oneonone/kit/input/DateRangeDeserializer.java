package dev.oneonone.kit.input;

import java.time.LocalTime;
import java.util.regex.Pattern;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Wraps the java.time deserializer of a date or instant type: a request body must give it as an ISO-8601 JSON
 * string that starts with a full date (no epoch numbers, no arrays, and no string of digits, which Jackson's
 * instant reader takes as epoch milliseconds: {@code "1000"} would be 1970-01-01T00:00:01Z; reason
 * {@value #NOT_ISO}) inside {@link DateRange} (reason
 * {@value DateRange#OUT_OF_RANGE}). Only the characters of an ISO form pass: Jackson's readers trim spaces and control
 * characters, so {@code "2027-01-05T09:00:00Z\u0000"} would be read as a time. A {@link LocalTime} (a time of day) is
 * an ISO string of hours and minutes too, never an array. Reads through {@link StrictJson#trustedReader} skip both checks.
 */
public class DateRangeDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    public static final String NOT_ISO = "not-an-iso-date";
    /** A year of four or more digits (with a sign when more), month and day, then the time if any. */
    private static final Pattern ISO_DATE_FIRST = Pattern.compile(
            "[+-]?\\d{4,}-\\d{2}-\\d{2}(T[0-9:.,+\\-Z]+(\\[[A-Za-z0-9/_+\\-]+])?)?");
    /** A time of day: hours and minutes, then seconds and a fraction if any (Jackson would also take arrays). */
    private static final Pattern ISO_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    public DateRangeDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new DateRangeDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (StrictJson.isTrusted(ctxt)) {
            return _delegatee.deserialize(p, ctxt);
        }
        if (handledType() == LocalTime.class) {
            if (!p.hasToken(JsonToken.VALUE_STRING) || !ISO_TIME.matcher(p.getText()).matches()) {
                throw new InputRuleException(p, NOT_ISO, "must be an ISO-8601 time of day string, e.g. \"09:30\"");
            }
            return _delegatee.deserialize(p, ctxt);
        }
        if (!p.hasToken(JsonToken.VALUE_STRING) || !ISO_DATE_FIRST.matcher(p.getText()).matches()) {
            throw new InputRuleException(p, NOT_ISO, "must be an ISO-8601 string, e.g. \"2026-12-01\" or \"2026-12-01T09:00:00Z\"");
        }
        Object value = _delegatee.deserialize(p, ctxt);
        if (value != null && !DateRange.contains(value)) {
            throw new InputRuleException(p, DateRange.OUT_OF_RANGE, DateRange.MESSAGE);
        }
        return value;
    }
}
