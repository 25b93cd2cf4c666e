package dev.oneonone.kit.openapi;

/**
 * Names of the response headers the kit documents once in {@code components.headers} of every service's OpenAPI
 * document ({@link SuiteOpenApi}). An operation refers to one from its response annotation, e.g.
 * {@code @APIResponse(responseCode = "200", headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))}
 * for {@code ETag} and {@code Location} (each answer that sets them; the tests' response validation finds one that is
 * missing); {@code Idempotent-Replayed} on creates that take an {@code Idempotency-Key} and {@code Retry-After} on 503
 * are added by the filter itself.
 */
public final class ResponseHeaders {
    /** The version of what the answer shows, as a quoted number ({@code "3"}); send it back in If-Match. */
    public static final String ETAG = "ETag";
    /** Where the created resource is read, a path on this service. */
    public static final String LOCATION = "Location";
    /** {@code true} when the answer is a replay of the first answer to the same Idempotency-Key. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** Seconds to wait before trying again. */
    public static final String RETRY_AFTER = "Retry-After";

    /**
     * Operation extension: the operation never reads the database, so it cannot answer 503. The filter reads it and
     * removes it from the document.
     */
    public static final String NO_DATABASE = "x-no-database";

    /**
     * Marks an operation whose errors are not problem details but another protocol's error message (SCIM's, RFC 7644
     * section 3.12): the value is that media type and the name of its schema in {@code components.schemas}, e.g.
     * {@code "application/scim+json ScimError"}. {@link SuiteOpenApi} then documents every error answer of the
     * operation, its own and the kit's, with that content instead of {@code Problem}, and removes the extension.
     */
    /**
     * Schema extension: an object every property of which may be left out of an answer (such as SCIM's enterprise
     * extension, RFC 7643 section 4.3), so the kit lists none as required.
     */
    public static final String OPTIONAL_PROPERTIES = "x-optional-properties";
    public static final String ERROR_CONTENT = "x-error-content";

    private ResponseHeaders() {
    }
}
