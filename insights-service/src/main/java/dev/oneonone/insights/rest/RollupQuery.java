package dev.oneonone.insights.rest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.oneonone.insights.domain.rollup.Scope;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.input.DateRange;
import dev.oneonone.kit.problem.Problem.FieldError;

/**
 * The query parameters of the rollup, trend and attention endpoints, checked together so that a
 * refusal names every field at fault at once.
 */
final class RollupQuery {
    static final int MAX_WEEKS = 52;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 50;
    private static final String CURSOR_PREFIX = "offset:";

    private final LocalDate today;
    private final List<FieldError> errors = new ArrayList<>();
    private LocalDate asOf;
    private Integer weeks;
    private int limit = DEFAULT_LIMIT;
    private int offset;
    private Scope scope;

    RollupQuery(LocalDate today) {
        this.today = today;
        this.asOf = today;
    }

    /** An ISO date, not after today in the organisation's time zone; today when absent. */
    RollupQuery asOf(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (!DateRange.contains(date)) {
                errors.add(new FieldError("asOf", DateRange.MESSAGE, DateRange.OUT_OF_RANGE));
            } else if (date.isAfter(today)) {
                errors.add(new FieldError("asOf", "must not be after today (" + today + ")", "in-the-future"));
            } else {
                asOf = date;
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("asOf", "must be a date such as 2026-11-23", "not-an-iso-date"));
        }
        return this;
    }

    /** 1 to 52 weeks; {@code fallback} when absent (null: no trend). */
    RollupQuery weeks(String text, Integer fallback) {
        if (text == null || text.isBlank()) {
            weeks = fallback;
            return this;
        }
        Integer value = integer(text);
        if (value == null || value < 1 || value > MAX_WEEKS) {
            errors.add(new FieldError("weeks", "must be a whole number from 1 to " + MAX_WEEKS,
                    value == null ? "not-a-whole-number" : Paging.OUT_OF_RANGE));
        } else {
            weeks = value;
        }
        return this;
    }

    RollupQuery limit(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        Integer value = integer(text);
        if (value == null || value < 1 || value > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT,
                    value == null ? "not-a-whole-number" : Paging.OUT_OF_RANGE));
        } else {
            limit = value;
        }
        return this;
    }

    /** The {@code next} of a previous page: Base64url of the offset in the list, opaque to clients. */
    RollupQuery after(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            offset = decoded.startsWith(CURSOR_PREFIX) ? Integer.parseInt(decoded.substring(CURSOR_PREFIX.length())) : -1;
        } catch (IllegalArgumentException e) {
            offset = -1;
        }
        if (offset < 0) {
            offset = 0;
            errors.add(new FieldError("after", "must be the 'next' of a previous page", Paging.NOT_A_CURSOR_REASON));
        }
        return this;
    }

    RollupQuery scope(String text, Scope fallback) {
        if (text == null || text.isBlank()) {
            scope = fallback;
            return this;
        }
        try {
            scope = Scope.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("scope", e.getMessage(), "not-a-scope"));
        }
        return this;
    }

    RollupQuery code(String field, String text) {
        if (text != null && text.length() > 100) {
            errors.add(new FieldError(field, "has at most 100 characters", "too-long"));
        }
        return this;
    }

    /** @throws InvalidInputException when any parameter was refused */
    RollupQuery checked() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }

    LocalDate asOf() {
        return asOf;
    }

    Integer weeks() {
        return weeks;
    }

    int limit() {
        return limit;
    }

    int offset() {
        return offset;
    }

    Scope scope() {
        return scope;
    }

    /** The slice of a list this page covers, and the cursor of the next page (null on the last). */
    <T> Page<T> page(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = Math.min(from + limit, all.size());
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(all.subList(from, to), all.size(), next);
    }

    record Page<T>(List<T> items, int total, String next) {
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
