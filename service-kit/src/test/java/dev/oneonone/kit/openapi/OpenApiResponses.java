package dev.oneonone.kit.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A RestAssured filter that checks every response a test receives against the OpenAPI document the service serves on
 * {@code /q/openapi} (read once per service run, {@link ServedDocument}):
 * <ul>
 * <li>the request's path falls under a path template of the document and its method is documented there;
 * <li>the status is documented for that operation (exactly, as {@code 4XX}, or as {@code default});
 * <li>the Content-Type is one the response documents, and a response documented without content has no body;
 * <li>a JSON body ({@code application/json}, {@code *+json}) validates against the documented schema (JSON Schema
 * 2020-12 as OpenAPI 3.1 uses it); other bodies (iCalendar, text, binary) are checked for status and type only;
 * <li>every header the response documents as required is present, and each of the suite's headers
 * ({@code ETag}, {@code Location}, {@code Idempotent-Replayed}, {@code Retry-After}) the response carries is documented;
 * <li>the document the build stored ({@code target/openapi/openapi.json}) equals the served one;
 * <li>a 201's {@code Location} is an absolute URI that GET answers 200 for the same caller (kind {@code location}).
 * </ul>
 * Paths under {@code /q/} (health, metrics, the document itself) are skipped. A broken rule fails the test with an
 * {@link AssertionError} that lists each violation with its kind. With {@code -Dopenapi.responses=report} violations are
 * appended to {@code target/openapi-violations.txt} instead (to count them across a whole run).
 * <p>
 * Registered for every {@code @QuarkusTest} by {@link OpenApiResponsesCallback}. A request that deliberately sends
 * what the document cannot describe opts out with {@code given().noFiltersOfType(OpenApiResponses.class)} and a
 * comment why.
 */
public final class OpenApiResponses implements Filter {
    /** The suite's response headers: one a response carries must be documented for it. */
    static final Set<String> SUITE_HEADERS = Set.of(ResponseHeaders.ETAG, ResponseHeaders.LOCATION,
            ResponseHeaders.IDEMPOTENT_REPLAYED, ResponseHeaders.RETRY_AFTER);
    static final Path REPORT = Path.of("target", "openapi-violations.txt");
    private static volatile boolean storedChecked;

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        check(URI.create(request.getURI()), request.getMethod(), new Answer(response.getStatusCode(),
                response.getContentType(), response.asString(), response::getHeader));
        if (response.getStatusCode() == 201 && response.getHeader(ResponseHeaders.LOCATION) != null) {
            followLocation(request, response.getHeader(ResponseHeaders.LOCATION));
        }
        return response;
    }

    /**
     * A 201's {@code Location} is an absolute URI that GET answers, for the caller who created it: the created
     * resource, read with the same Authorization (kind {@code location}). The GET is checked like any answer.
     */
    private static void followLocation(FilterableRequestSpecification request, String location) {
        List<String> violations = new ArrayList<>();
        URI uri = URI.create(location);
        if (!uri.isAbsolute()) {
            violations.add("location: '" + location + "' is not an absolute URI");
            uri = URI.create(request.getURI()).resolve(uri);
        }
        io.restassured.specification.RequestSpecification get = io.restassured.RestAssured.given().redirects().follow(false);
        String authorization = request.getHeaders().getValue("Authorization");
        if (authorization != null) {
            get.header("Authorization", authorization);
        } else if (request.getAuthenticationScheme() instanceof io.restassured.authentication.PreemptiveOAuth2HeaderScheme bearer) {
            get.auth().oauth2(bearer.getAccessToken());
        } else if (request.getAuthenticationScheme() instanceof io.restassured.authentication.OAuth2Scheme bearer) {
            get.auth().oauth2(bearer.getAccessToken());
        }
        int status = get.get(uri).getStatusCode();
        if (status != 200) {
            violations.add("location: GET " + uri.getRawPath() + " answered " + status + ", not 200");
        }
        if (!violations.isEmpty()) {
            String message = request.getMethod() + " " + URI.create(request.getURI()).getRawPath() + " answered 201:\n  - "
                    + String.join("\n  - ", violations);
            if ("report".equals(System.getProperty("openapi.responses"))) {
                report(message);
            } else {
                throw new AssertionError("The response's Location is not a resource to GET: " + message);
            }
        }
    }

    /**
     * The same check for an answer a test received otherwise than through RestAssured ({@code java.net.http}, for a
     * request RestAssured cannot send as it is: raw bytes, a chunked body, an over-long URI).
     */
    public static void check(HttpRequest request, HttpResponse<String> response) {
        check(request.uri(), request.method(), new Answer(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body(),
                name -> response.headers().firstValue(name).orElse(null)));
    }

    private static void check(URI uri, String method, Answer response) {
        String path = uri.getRawPath();
        if (path.startsWith("/q/") || path.equals("/q")) {
            return;
        }
        String base = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        List<String> violations = violations(ServedDocument.of(base), method, path, response);
        if (!violations.isEmpty()) {
            String message = method + " " + path + " answered " + response.status() + ":\n  - "
                    + String.join("\n  - ", violations);
            if ("report".equals(System.getProperty("openapi.responses"))) {
                report(message);
            } else {
                throw new AssertionError("The response breaks the served OpenAPI document: " + message
                        + "\n  body: " + abbreviate(response.body()));
            }
        }
    }

    /** What the check reads of an answer, whichever client received it. */
    record Answer(int status, String contentType, String body, Function<String, String> header) {
        Answer {
            body = body == null ? "" : body;
        }
    }

    /** What in a response breaks the document, each starting with its kind; empty when it conforms. */
    static List<String> violations(ServedDocument document, String method, String path, Answer response) {
        List<String> violations = new ArrayList<>();
        if (!storedChecked) {
            storedChecked = true;
            if (document.storedDifference != null) {
                violations.add("stored-document: " + document.storedDifference);
            }
        }
        String template = document.template(path);
        if (template == null) {
            violations.add("undocumented-path: no path template of the document matches " + path);
            return violations;
        }
        if (document.operation(template, method).isMissingNode()) {
            violations.add("undocumented-operation: " + method + " " + template);
            return violations;
        }
        int status = response.status();
        String responsePointer = document.responsePointer(template, method, status);
        if (responsePointer == null) {
            violations.add("undocumented-status: " + status + " for " + method + " " + template);
            return violations;
        }
        JsonNode documented = document.at(responsePointer);
        content(document, responsePointer, documented, response, violations);
        headers(document, responsePointer, documented, response, violations);
        return violations;
    }

    private static void content(ServedDocument document, String responsePointer, JsonNode documented, Answer response,
            List<String> violations) {
        String body = response.body();
        String contentType = response.contentType();
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                violations.add("undocumented-content: the response has a body (" + contentType + ") but documents none");
            }
            return;
        }
        if (contentType == null || contentType.isBlank()) {
            violations.add("content-type: none, documented " + content.properties().stream().map(e -> e.getKey()).toList());
            return;
        }
        String mediaType = bare(contentType);
        String key = null;
        for (String documentedType : (Iterable<String>) () -> content.fieldNames()) {
            if (matches(bare(documentedType), mediaType)) {
                key = documentedType;
                break;
            }
        }
        if (key == null) {
            violations.add("content-type: " + mediaType + " is not documented ("
                    + content.properties().stream().map(e -> e.getKey()).toList() + ")");
            return;
        }
        boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
        String schemaPointer = responsePointer + "/content/" + ServedDocument.escape(key) + "/schema";
        if (json && !document.at(schemaPointer).isMissingNode()) {
            for (String error : document.validate(schemaPointer, body.isEmpty() ? "null" : body)) {
                violations.add("schema: " + error);
            }
        }
    }

    private static void headers(ServedDocument document, String responsePointer, JsonNode documented, Answer response,
            List<String> violations) {
        JsonNode headers = documented.path("headers");
        headers.fieldNames().forEachRemaining(name -> {
            JsonNode header = document.at(document.follow(responsePointer + "/headers/" + ServedDocument.escape(name)));
            if (header.path("required").asBoolean(false) && response.header().apply(name) == null) {
                violations.add("missing-header: " + name + " is documented as required");
            }
        });
        for (String name : SUITE_HEADERS) {
            boolean isDocumented = false;
            for (String documentedName : (Iterable<String>) headers::fieldNames) {
                isDocumented |= documentedName.equalsIgnoreCase(name);
            }
            if (response.header().apply(name) != null && !isDocumented) {
                violations.add("undocumented-header: " + name);
            }
        }
    }

    private static String bare(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean matches(String documented, String actual) {
        if (documented.equals(actual) || documented.equals("*/*")) {
            return true;
        }
        return documented.endsWith("/*") && actual.startsWith(documented.substring(0, documented.length() - 1));
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }

    private static synchronized void report(String message) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, message + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
