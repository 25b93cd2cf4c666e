package dev.oneonone.kit.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;

/**
 * Cursor paging of every list of the suite: query {@code limit} (1 to 100, default 50) and {@code after}, an opaque
 * string, the {@code next} of the previous page; a page is {@code {"items": [...], "next": string or null}}
 * (docs/api-standards.md). A cursor names the last item of a page in the list's order; each list chooses what
 * it holds (a position, an id, an instant and an id), and a cursor this API did not give out is refused as 400
 * naming {@code after}.
 */
public final class Paging {
    public static final int MAX_LIMIT = 100;
    public static final String DEFAULT_LIMIT = "50";
    /** The {@code limit} parameter's description in the OpenAPI documents. */
    public static final String LIMIT_DESCRIPTION = "Page size, 1 to 100 (default 50).";
    /** The {@code after} parameter's description in the OpenAPI documents. */
    public static final String AFTER_DESCRIPTION = "Opaque cursor: the 'next' of the previous page; the first page without it.";
    /** The {@code next} field's description in the OpenAPI documents. */
    public static final String NEXT_DESCRIPTION = "Cursor of the following page, to pass as 'after'; null on the last page.";

    private static final String NOT_A_CURSOR = "must be the 'next' of a previous page";
    /** The reason of a limit outside 1 to 100 (and of any number outside its range). */
    public static final String OUT_OF_RANGE = "out-of-range";
    /** The reason of a cursor the service did not give out. */
    public static final String NOT_A_CURSOR_REASON = "not-a-cursor";

    private Paging() {
    }

    /** The page size, refused field by field when outside 1 to 100. */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT, OUT_OF_RANGE)));
        }
        return limit;
    }

    /** The position after which the page starts: 0 without a cursor. */
    public static long after(String after) {
        if (absent(after)) {
            return 0;
        }
        try {
            long position = Long.parseLong(after.trim());
            if (position < 0) {
                throw new NumberFormatException(after);
            }
            return position;
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    /** The id after which a page of a list ordered by id starts; null without a cursor. */
    public static UUID afterId(String after) {
        if (absent(after)) {
            return null;
        }
        try {
            return UUID.fromString(after.trim());
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    /** The items of a page from up to limit + 1 rows, and the cursor of the next page (null on the last). */
    public static <R, V> Page<V> of(List<R> rows, int limit, Function<R, V> view, Function<R, Long> position) {
        return keyed(rows, limit, view, row -> Long.toString(position.apply(row)));
    }

    /**
     * The items of a page from up to limit + 1 rows (the extra row only tells that another page follows), and the
     * cursor of the last item as the next page's, null on the last page.
     */
    public static <R, V> Page<V> keyed(List<R> rows, int limit, Function<R, V> view, Function<R, String> cursor) {
        List<V> items = new ArrayList<>();
        rows.stream().limit(limit).forEach(row -> items.add(view.apply(row)));
        String next = rows.size() > limit ? cursor.apply(rows.get(limit - 1)) : null;
        return new Page<>(items, next);
    }

    /** One page: the items and the cursor of the following page, null on the last. */
    public record Page<V>(List<V> items, String next) {
    }

    /**
     * The cursor of a list ordered by an instant, then an id (meetings by start, agreements by when they were made):
     * Base64url of {@code instant|id}, opaque to clients.
     */
    public record InstantCursor(Instant at, UUID id) {
        /** @throws InvalidInputException naming {@code after} when the text is not such a cursor */
        public static InstantCursor parse(String after) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.UTF_8).split("\\|", 2);
                return new InstantCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw notACursor();
            }
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean absent(String after) {
        return after == null || after.isBlank();
    }

    /** The refusal of a cursor this API did not give out. */
    public static InvalidInputException notACursor() {
        return new InvalidInputException(List.of(new FieldError("after", NOT_A_CURSOR, NOT_A_CURSOR_REASON)));
    }
}
