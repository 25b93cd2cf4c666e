package dev.oneonone.kit.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * A service's OpenAPI document as it serves it on {@code /q/openapi}, read once per service run, with what
 * {@link OpenApiResponses} needs: the operation of a request (path template and method), a response by status with
 * its {@code $ref} followed, and the JSON Schema validation (networknt json-schema-validator, dialect OpenAPI 3.1,
 * i.e. JSON Schema 2020-12) of a body against a schema of the document, whose {@code #/components/schemas/...} refs
 * resolve against the whole document.
 */
final class ServedDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ServedDocument> BY_BASE = new ConcurrentHashMap<>();
    /** Where the build stores the document ({@code quarkus.smallrye-openapi.store-schema-directory}), from the module. */
    static final Path STORED = Path.of("target", "openapi", "openapi.json");
    /** Where the served document is written when it differs from the stored one. */
    static final Path SERVED = Path.of("target", "openapi-served.json");

    private final String iri;
    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    /** Differences between the stored and the served document, reported once. */
    final String storedDifference;

    private ServedDocument(String base, String text) throws IOException {
        this.iri = base + "/q/openapi";
        this.document = JSON.readTree(text);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(iri, text)));
        document.path("paths").fieldNames().forEachRemaining(path -> templates.add(new Template(path)));
        templates.sort(Comparator.comparingInt(Template::variables).thenComparing(t -> -t.path.length()));
        this.storedDifference = compareStored();
    }

    /** The document the service at {@code base} (scheme, host and port) serves, fetched on first use. */
    static ServedDocument of(String base) {
        return BY_BASE.computeIfAbsent(base, b -> {
            try {
                HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                        HttpRequest.newBuilder(URI.create(b + "/q/openapi?format=json")).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("GET " + b + "/q/openapi answered " + answer.statusCode());
                }
                return new ServedDocument(b, answer.body());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the OpenAPI document of " + b, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private String compareStored() throws IOException {
        if (!Files.exists(STORED)) {
            return null;
        }
        JsonNode stored = JSON.readTree(STORED.toFile());
        if (stored.equals(document)) {
            return null;
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(SERVED.toFile(), document);
        return "the document the build stored (" + STORED + ") differs from the served one (written to " + SERVED
                + "); rebuild, or find what changes it at runtime";
    }

    /** The path template of the document that a raw request path falls under, or null. */
    String template(String rawPath) {
        for (Template template : templates) {
            if (template.pattern.matcher(rawPath).matches()) {
                return template.path;
            }
        }
        return null;
    }

    /** The operation object, or a missing node. */
    JsonNode operation(String template, String method) {
        return document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    }

    /** The JSON pointer of the response documented for a status (exact, then {@code 4XX}, then {@code default}), or null. */
    String responsePointer(String template, String method, int status) {
        String base = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/";
        JsonNode responses = document.at(base.substring(0, base.length() - 1));
        for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
            if (responses.has(key)) {
                return follow(base + escape(key));
            }
        }
        return null;
    }

    JsonNode at(String pointer) {
        return document.at(pointer);
    }

    /** The pointer itself, or the one its {@code $ref} names (local refs only), followed until no ref is left. */
    String follow(String pointer) {
        JsonNode node = document.at(pointer);
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            pointer = node.get("$ref").asText().substring(1);
            node = document.at(pointer);
        }
        return pointer;
    }

    /** The errors of a JSON body against the schema at a pointer of the document. */
    List<String> validate(String schemaPointer, String body) {
        Schema schema = compiled.computeIfAbsent(schemaPointer, p -> schemas.getSchema(SchemaLocation.of(iri + "#" + p)));
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(body, InputFormat.JSON)) {
            errors.add(error.toString());
        }
        return errors;
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static Iterator<String> names(JsonNode node) {
        return node.fieldNames();
    }

    /** A path template of the document as a pattern on raw paths: each {@code {name}} is one segment. */
    private static final class Template {
        final String path;
        final Pattern pattern;

        Template(String path) {
            this.path = path;
            StringBuilder regex = new StringBuilder();
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
            }
            this.pattern = Pattern.compile(regex.toString());
        }

        int variables() {
            return (int) path.chars().filter(c -> c == '{').count();
        }
    }
}
