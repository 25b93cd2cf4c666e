package dev.oneonone.kit.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The one range of dates and instants the suite accepts from a client: years {@value #FIRST_YEAR} to
 * {@value #LAST_YEAR} inclusive, instants and date-times with an offset judged in UTC
 * (docs/api-standards.md, "Dates"). Anything outside is an input error (400, reason {@value #OUT_OF_RANGE}):
 * it would break calendars, feeds and the database's own range downstream.
 */
public final class DateRange {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final String OUT_OF_RANGE = "date-out-of-range";
    /** The first instant accepted: 1900-01-01T00:00:00Z. */
    public static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    /** The first instant refused after the range: 2201-01-01T00:00:00Z. */
    public static final Instant END_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    public static final String MESSAGE = "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR + " (UTC for instants)";

    private DateRange() {
    }

    /** Whether a date, date-time or instant lies in the range; types without a date (e.g. a time) always do. */
    public static boolean contains(Object value) {
        if (value instanceof LocalDate date) {
            return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.getYear() >= FIRST_YEAR && dateTime.getYear() <= LAST_YEAR;
        }
        if (value instanceof Instant instant) {
            return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return contains(dateTime.toInstant());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return contains(dateTime.toInstant());
        }
        return true;
    }
}
