package dev.oneonone.kit.fuzz;

import java.util.Map;
import java.util.Set;

/**
 * One write operation of a service as the fuzz suite drives it: a valid request of that operation, from which
 * every malformed request is derived, and what the generator must know to keep each derived request invalid.
 *
 * @param name what the report calls it, e.g. {@code POST /people}
 * @param method the HTTP method
 * @param path the path with real ids in it (a valid target), e.g. {@code /series/5d0c.../meetings}
 * @param token the bearer token of a caller allowed to call it
 * @param validBody the JSON text of a valid body; null when the operation takes none
 * @param nullable names of fields that may be null or left out (a null there is no mistake, so it is not sent)
 * @param multiline names of fields where line breaks are allowed
 * @param ifMatch whether the operation reads If-Match
 * @param idempotencyKey whether the operation reads Idempotency-Key
 * @param maxBodyBytes the body limit of the operation, in bytes
 */
public record FuzzOperation(String name, String method, String path, String token, String validBody,
        Set<String> nullable, Set<String> multiline, boolean ifMatch, boolean idempotencyKey, long maxBodyBytes) {

    /** 1 MiB, the kit's default body limit ({@code suite.api.max-body-bytes}). */
    public static final long DEFAULT_MAX_BODY = 1_048_576;

    public FuzzOperation {
        nullable = Set.copyOf(nullable);
        multiline = Set.copyOf(multiline);
    }

    /** An operation with a body, no optional fields, no headers of its own. */
    public static FuzzOperation of(String method, String path, String token, String validBody) {
        return new FuzzOperation(method + " " + path, method, path, token, validBody, Set.of(), Set.of(), false, false,
                DEFAULT_MAX_BODY);
    }

    public FuzzOperation named(String newName) {
        return new FuzzOperation(newName, method, path, token, validBody, nullable, multiline, ifMatch, idempotencyKey,
                maxBodyBytes);
    }

    public FuzzOperation nullable(String... fields) {
        return new FuzzOperation(name, method, path, token, validBody, Set.of(fields), multiline, ifMatch,
                idempotencyKey, maxBodyBytes);
    }

    public FuzzOperation multiline(String... fields) {
        return new FuzzOperation(name, method, path, token, validBody, nullable, Set.of(fields), ifMatch,
                idempotencyKey, maxBodyBytes);
    }

    public FuzzOperation withIfMatch() {
        return new FuzzOperation(name, method, path, token, validBody, nullable, multiline, true, idempotencyKey,
                maxBodyBytes);
    }

    public FuzzOperation withIdempotencyKey() {
        return new FuzzOperation(name, method, path, token, validBody, nullable, multiline, ifMatch, true,
                maxBodyBytes);
    }

    public FuzzOperation maxBodyBytes(long bytes) {
        return new FuzzOperation(name, method, path, token, validBody, nullable, multiline, ifMatch, idempotencyKey,
                bytes);
    }

    /** The headers every request of this operation carries unless a mutation changes them. */
    Map<String, String> baseHeaders() {
        return validBody == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }
}
