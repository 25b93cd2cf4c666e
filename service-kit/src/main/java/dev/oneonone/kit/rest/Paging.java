package dev.oneonone.kit.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;

/**
 * Cursor paging of the list endpoints: {@code limit} (1 to 100, default 50) and {@code after}, the
 * {@code next} of the previous page. A cursor is the position of the last item of a page in the list's order.
 */
public final class Paging {
    public static final int MAX_LIMIT = 100;
    public static final String DEFAULT_LIMIT = "50";

    private Paging() {
    }

    /** The page size, refused field by field when outside 1 to 100. */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return limit;
    }

    /** The position after which the page starts: 0 without a cursor. */
    public static long after(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(after.trim());
            if (position < 0) {
                throw new NumberFormatException(after);
            }
            return position;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldError("after", "must be the 'next' of a previous page")));
        }
    }

    /** The items of a page from up to limit + 1 rows, and the cursor of the next page (null on the last). */
    public static <R, V> Page<V> of(List<R> rows, int limit, Function<R, V> view, Function<R, Long> position) {
        List<V> items = new ArrayList<>();
        rows.stream().limit(limit).forEach(row -> items.add(view.apply(row)));
        String next = rows.size() > limit ? Long.toString(position.apply(rows.get(limit - 1))) : null;
        return new Page<>(items, next);
    }

    public record Page<V>(List<V> items, String next) {
    }
}
