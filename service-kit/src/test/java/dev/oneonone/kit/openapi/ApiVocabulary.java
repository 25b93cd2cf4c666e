package dev.oneonone.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The suite's API vocabulary (docs/api-standards.md, "Vocabulary") checked on served OpenAPI documents: every
 * operation has an {@code operationId}, lowerCamelCase verb and noun, unique across the documents given; every list
 * pages with {@code limit} and {@code after} and answers {@code {"items": [...], "next": ...}}; the shared query
 * parameters have their one type; every 4xx and 5xx answer is a problem detail whose schema requires type, title and
 * status. Each service's test checks its own {@code /q/openapi}; the end-to-end test checks
 * the three together, for ids unique across the suite.
 */
public final class ApiVocabulary {
    /** lowerCamelCase letters only, starting with the verb: {@code listSeries}, {@code getTeamRollup}. */
    public static final Pattern OPERATION_ID = Pattern.compile("^[a-z][a-zA-Z]+$");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final List<String> RETIRED_PARAMETERS = List.of("cursor", "nextCursor");
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    /**
     * Error formats of other protocols an operation may speak instead, all its errors alike ({@link
     * ResponseHeaders#ERROR_CONTENT}): SCIM's error message (RFC 7644 section 3.12).
     */
    private static final Map<String, String> OTHER_PROTOCOL_ERRORS = Map.of("application/scim+json",
            "#/components/schemas/ScimError");
    private static final List<String> PROBLEM_REQUIRED = List.of("type", "title", "status");

    private ApiVocabulary() {
    }

    /** Fails with every breach of the OpenAPI document the service under test serves at {@code /q/openapi}. */
    public static void assertServedDocumentFollowed(String service) {
        assertFollowed(Map.of(service, RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString()));
        assertEquals(List.of(), invalidExamples(ServedDocument.of(RestAssured.baseURI + ":" + RestAssured.port)),
                "answer examples that their own schemas refuse");
    }

    /**
     * Every example of a JSON answer validates against the answer's schema (as Redocly's no-invalid-media-type-examples
     * checks it): an example that leaves out a required field, or has one of the wrong type, is named.
     */
    static List<String> invalidExamples(ServedDocument served) {
        List<String> invalid = new ArrayList<>();
        served.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            operation.getValue().path("responses").properties().forEach(answer -> {
                String pointer = served.follow("/paths/" + ServedDocument.escape(path.getKey()) + "/" + operation.getKey()
                        + "/responses/" + answer.getKey());
                served.at(pointer + "/content").properties().forEach(media -> {
                    if (!media.getKey().endsWith("json")) {
                        return;
                    }
                    String schema = pointer + "/content/" + ServedDocument.escape(media.getKey()) + "/schema";
                    Map<String, JsonNode> examples = new java.util.LinkedHashMap<>();
                    if (media.getValue().has("example")) {
                        examples.put("example", media.getValue().get("example"));
                    }
                    media.getValue().path("examples").properties().forEach(e -> examples.put(e.getKey(), e.getValue().path("value")));
                    examples.forEach((name, value) -> {
                        if (!value.isMissingNode() && served.at(schema).size() > 0) {
                            for (String error : served.validate(schema, value.toString())) {
                                invalid.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + answer.getKey()
                                        + " example '" + name + "': " + error);
                            }
                        }
                    });
                });
            });
        }));
        return invalid;
    }

    /** Fails with every breach, one per line, of the documents (JSON text by service name). */
    public static void assertFollowed(Map<String, String> documentsByService) {
        assertEquals(List.of(), violations(documentsByService), "breaches of the API vocabulary");
    }

    /** Every breach of the documents (JSON text by service name), as "service METHOD path: what"; empty when none. */
    public static List<String> violations(Map<String, String> documentsByService) {
        List<String> violations = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        documentsByService.forEach((service, text) -> {
            JsonNode document = read(text);
            document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                if (!METHODS.contains(operation.getKey())) {
                    return;
                }
                String where = service + " " + operation.getKey().toUpperCase() + " " + path.getKey();
                checkOperationId(where, operation.getValue(), operationIds, violations);
                checkParameters(where, operation.getValue(), violations);
                checkListShape(where, operation.getKey(), operation.getValue(), document, violations);
                checkErrorAnswers(where, operation.getValue(), document, violations);
            }));
            checkSchemas(service, document, violations);
            checkEventContract(service, document, violations);
            checkPatterns(service, "", document, violations);
            checkRefSiblings(service, "", document, violations);
            checkAnswersRequireTheirFields(service, document, violations);
            checkSorted(service, document, violations);
        });
        return violations;
    }

    /** Components named after Java types that a generated client would otherwise get as models. */
    private static final Set<String> JAVA_TYPE_NAMES = Set.of("UUID", "Instant", "LocalDate", "LocalTime", "LocalDateTime",
            "OffsetDateTime", "ZonedDateTime", "Duration", "ZoneId");
    private static final List<String> FIELD_ERROR_REQUIRED = List.of("field", "message", "reason");

    /**
     * Every {@code pattern} anywhere in the document is anchored {@code ^...$}: JSON Schema matches a pattern anywhere
     * in the value, so {@code [A-Za-z0-9]+} would accept {@code "platform team!"} that the server refuses.
     */
    private static void checkPatterns(String service, String at, JsonNode node, List<String> violations) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("pattern") && entry.getValue().isTextual() && !at.endsWith("/properties")) {
                    String pattern = entry.getValue().asText();
                    if (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
                        violations.add(service + " " + at + ": pattern '" + pattern + "' is not anchored ^...$");
                    }
                } else {
                    checkPatterns(service, at + "/" + entry.getKey(), entry.getValue(), violations);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkPatterns(service, at + "/" + i, node.get(i), violations);
            }
        }
    }

    /**
     * A {@code $ref} (or an {@code anyOf} with one) has no sibling {@code type}, which generators clear with a warning;
     * no {@code format: local-time} (not a JSON Schema format); no component named after a Java type (UUID, Instant,
     * LocalDate, LocalTime): such types are inlined as strings with their format.
     */
    private static void checkRefSiblings(String service, String at, JsonNode node, List<String> violations) {
        if (node.isObject()) {
            if (node.has("type") && (node.has("$ref") || (node.path("anyOf").isArray()
                    && java.util.stream.StreamSupport.stream(node.path("anyOf").spliterator(), false).anyMatch(b -> b.has("$ref"))))) {
                violations.add(service + " " + at + ": a $ref (or an anyOf with one) beside a type " + node.get("type"));
            }
            if ("local-time".equals(node.path("format").asText())) {
                violations.add(service + " " + at + ": format local-time is not a JSON Schema format; a time of day is a pattern");
            }
            node.properties().forEach(entry -> checkRefSiblings(service, at + "/" + entry.getKey(), entry.getValue(), violations));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefSiblings(service, at + "/" + i, node.get(i), violations);
            }
        }
        if (at.isEmpty()) {
            node.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
                if (JAVA_TYPE_NAMES.contains(name)) {
                    violations.add(service + " schema " + name + ": a Java type is inlined (type string with its format), not a component");
                }
            });
        }
    }

    /**
     * Every object schema an answer uses lists {@code required} (a generated client otherwise makes every field
     * optional, and {@code {}} validates); FieldError requires field, message and reason.
     */
    private static void checkAnswersRequireTheirFields(String service, JsonNode document, List<String> violations) {
        java.util.Set<String> answers = new java.util.TreeSet<>();
        document.path("paths").forEach(item -> item.properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                referredSchemas(document, operation.getValue().path("responses"), answers);
            }
        }));
        referredSchemas(document, document.path("components").path("responses"), answers);
        for (String name : answers) {
            JsonNode schema = document.path("components").path("schemas").path(name);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(n -> required.add(n.asText()));
            List<String> missing = new ArrayList<>();
            schema.path("properties").properties().forEach(property -> {
                // a number may be left out (a null Integer is not written), so it need not be listed
                boolean number = typeIncludes(property.getValue(), "integer") || typeIncludes(property.getValue(), "number");
                if (!number && !required.contains(property.getKey()) && !schema.has("required")
                        && !schema.path(ResponseHeaders.OPTIONAL_PROPERTIES).asBoolean()) {
                    missing.add(property.getKey());
                }
            });
            if (!missing.isEmpty()) {
                violations.add(service + " schema " + name + ": an answer's object lists the properties it always has in 'required', not "
                        + missing);
            }
        }
        JsonNode fieldError = document.path("components").path("schemas").path("FieldError");
        if (!fieldError.isMissingNode()) {
            List<String> required = new ArrayList<>();
            fieldError.path("required").forEach(name -> required.add(name.asText()));
            if (!required.containsAll(FIELD_ERROR_REQUIRED)) {
                violations.add(service + " schema FieldError: requires " + FIELD_ERROR_REQUIRED + ", not " + required);
            }
        }
    }

    private static void referredSchemas(JsonNode document, JsonNode node, java.util.Set<String> names) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                String name = ref.substring("#/components/schemas/".length());
                if (names.add(name)) {
                    referredSchemas(document, document.path("components").path("schemas").path(name), names);
                }
            } else if (ref.startsWith("#/components/responses/")) {
                referredSchemas(document, resolve(document, node), names);
            }
            node.forEach(child -> referredSchemas(document, child, names));
        } else if (node.isArray()) {
            node.forEach(child -> referredSchemas(document, child, names));
        }
    }

    /** The maps of components are sorted by name, so that every build serves the same bytes. */
    private static void checkSorted(String service, JsonNode document, List<String> violations) {
        document.path("components").properties().forEach(map -> {
            List<String> names = new ArrayList<>();
            map.getValue().fieldNames().forEachRemaining(names::add);
            List<String> sorted = new ArrayList<>(names);
            java.util.Collections.sort(sorted);
            if (!names.equals(sorted)) {
                violations.add(service + " components." + map.getKey() + ": not sorted by name " + names);
            }
        });
    }

    /** The kit's GET /asyncapi bears the service's own operationId: getMeetingsEventContract for meetings-service. */
    private static void checkEventContract(String service, JsonNode document, List<String> violations) {
        JsonNode operation = document.path("paths").path("/asyncapi").path("get");
        String name = service.toLowerCase(Locale.ROOT).replace("-service", "");
        String expected = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "EventContract";
        if (!operation.isMissingNode() && !expected.equals(operation.path("operationId").asText())) {
            violations.add(service + " GET /asyncapi: operationId is '" + operation.path("operationId").asText() + "', not "
                    + expected);
        }
    }

    /**
     * Every 4xx and 5xx answer is a problem detail: application/problem+json with the Problem schema, and only that;
     * or, for an operation of another protocol ({@link #OTHER_PROTOCOL_ERRORS}), that protocol's error format in every
     * one of its error answers.
     */
    private static void checkErrorAnswers(String where, JsonNode operation, JsonNode document, List<String> violations) {
        Map<String, JsonNode> errors = new LinkedHashMap<>();
        operation.path("responses").properties().forEach(answer -> {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                errors.put(answer.getKey(), resolve(document, answer.getValue()).path("content"));
            }
        });
        String mediaType = errors.values().stream().findFirst()
                .map(content -> content.fieldNames().hasNext() ? content.fieldNames().next() : "")
                .filter(OTHER_PROTOCOL_ERRORS::containsKey).orElse(PROBLEM_MEDIA_TYPE);
        String schema = OTHER_PROTOCOL_ERRORS.getOrDefault(mediaType, PROBLEM_SCHEMA);
        errors.forEach((status, content) -> {
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            if (!types.equals(List.of(mediaType)) || !content.path(mediaType).path("schema").path("$ref").asText().equals(schema)) {
                violations.add(where + " " + status + ": an error answers " + mediaType + " with the "
                        + schema.substring(schema.lastIndexOf('/') + 1) + " schema, not "
                        + (types.isEmpty() ? "no content" : content.toString()));
            }
        });
    }

    /**
     * No schema keeps a retired paging name; every page ({@code ...Page}) has {@code items} and {@code next}; the
     * Problem schema requires type, title and status.
     */
    private static void checkSchemas(String service, JsonNode document, List<String> violations) {
        document.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode properties = schema.getValue().path("properties");
            for (String retired : RETIRED_PARAMETERS) {
                if (properties.has(retired)) {
                    violations.add(service + " schema " + schema.getKey() + ": pages name their cursor 'next', not '" + retired + "'");
                }
            }
            if (schema.getKey().endsWith("Page") && (!properties.has("items") || !properties.has("next"))) {
                violations.add(service + " schema " + schema.getKey() + ": a page has 'items' and 'next'");
            }
        });
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        if (!problem.isMissingNode()) {
            List<String> required = new ArrayList<>();
            problem.path("required").forEach(name -> required.add(name.asText()));
            if (!required.containsAll(PROBLEM_REQUIRED)) {
                violations.add(service + " schema Problem: requires " + PROBLEM_REQUIRED + ", not " + required);
            }
        }
    }

    private static void checkOperationId(String where, JsonNode operation, Map<String, String> seen, List<String> violations) {
        String id = operation.path("operationId").asText(null);
        if (id == null) {
            violations.add(where + ": no operationId");
        } else if (!OPERATION_ID.matcher(id).matches()) {
            violations.add(where + ": operationId '" + id + "' is not lowerCamelCase letters");
        } else if (seen.putIfAbsent(id, where) != null) {
            violations.add(where + ": operationId '" + id + "' is also that of " + seen.get(id));
        }
    }

    private static void checkParameters(String where, JsonNode operation, List<String> violations) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = parameter.path("schema");
            String at = where + " ?" + name + ": ";
            if (RETIRED_PARAMETERS.contains(name)) {
                violations.add(at + "lists page with 'after', not '" + name + "'");
            }
            switch (name) {
                case "limit" -> {
                    expect(at, schema, "type", "integer", violations);
                    expect(at, schema, "minimum", "1", violations);
                    expect(at, schema, "maximum", "100", violations);
                    expect(at, schema, "default", "50", violations);
                }
                case "after" -> {
                    expect(at, schema, "type", "string", violations);
                    if (schema.has("format")) {
                        violations.add(at + "a cursor is an opaque string, without a format");
                    }
                }
                case "asOf" -> {
                    expect(at, schema, "type", "string", violations);
                    expect(at, schema, "format", "date", violations);
                }
                case "from", "to" -> expect(at, schema, "format", "date-time", violations);
                case "weeks" -> {
                    expect(at, schema, "type", "integer", violations);
                    present(at, schema, "minimum", violations);
                    present(at, schema, "maximum", violations);
                }
                case "health", "status" -> present(at, schema, "enum", violations);
                case "scope" -> present(at, schema, "pattern", violations);
                default -> {
                }
            }
        }
    }

    /** A GET that pages (has limit) has after too and answers a page; no GET answers a bare array. */
    private static void checkListShape(String where, String method, JsonNode operation, JsonNode document, List<String> violations) {
        if (!"get".equals(method)) {
            return;
        }
        List<String> query = new ArrayList<>();
        operation.path("parameters").forEach(p -> query.add(p.path("name").asText()));
        JsonNode schema = resolve(document, operation.path("responses").path("200").path("content").path("application/json").path("schema"));
        if (schema.path("type").asText().equals("array")) {
            violations.add(where + ": answers a bare array; a list answers a page {items, next}");
        }
        if (query.contains("limit") || query.contains("after")) {
            if (!query.contains("limit") || !query.contains("after")) {
                violations.add(where + ": a list takes both 'limit' and 'after'");
            }
            JsonNode properties = schema.path("properties");
            if (!properties.path("items").path("type").asText().equals("array") || !properties.has("next")) {
                violations.add(where + ": a list answers a page with 'items' (an array) and 'next'");
            } else if (!typeIncludes(properties.path("next"), "string")) {
                violations.add(where + ": a page's 'next' is a string cursor");
            }
        }
    }

    private static boolean typeIncludes(JsonNode schema, String type) {
        JsonNode types = schema.path("type");
        if (types.isArray()) {
            for (JsonNode t : types) {
                if (t.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return types.asText().equals(type);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return schema;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private static void expect(String at, JsonNode schema, String keyword, String value, List<String> violations) {
        if (!schema.path(keyword).asText().equals(value)) {
            violations.add(at + keyword + " is " + (schema.has(keyword) ? schema.get(keyword).toString() : "missing") + ", not " + value);
        }
    }

    private static void present(String at, JsonNode schema, String keyword, List<String> violations) {
        if (!schema.has(keyword)) {
            violations.add(at + "has no " + keyword);
        }
    }

    private static JsonNode read(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON OpenAPI document", e);
        }
    }
}
