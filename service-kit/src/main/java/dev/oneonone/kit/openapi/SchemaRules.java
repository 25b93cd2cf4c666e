package dev.oneonone.kit.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The suite's rules for the schemas of a document (docs/api-standards.md, "OpenAPI conventions"), applied by
 * {@link SuiteOpenApi} to every schema of the document, wherever it is (components, parameters, request bodies,
 * answers, headers), and to the schemas' own subschemas:
 * <ul>
 * <li>every {@code pattern} is anchored ({@code ^...$}): JSON Schema matches a pattern anywhere in the string, Bean
 * Validation's {@code @Pattern} the whole string; {@code \S} (SmallRye's form of {@code @NotBlank}) means "holds a
 * non-blank character" and becomes {@code ^[\s\S]*\S[\s\S]*$}. A pattern of literal alternatives only
 * ({@code team|department}) becomes an {@code enum};
 * <li>a string component without an enum (the Java types {@code UUID}, {@code Instant}, {@code LocalDate},
 * {@code LocalTime}) is inlined where it is referred to ({@code type: string} with its format or pattern), also in a
 * nullable {@code anyOf: [{$ref}, {type: null}]}, which becomes {@code type: [string, "null"]}; {@code LocalTime}'s
 * non-standard {@code format: local-time} becomes a pattern. The components are then removed: generated clients
 * get no model named after a Java type;
 * <li>a {@code $ref} has no sibling {@code type} (the referred schema has its type), and neither has an
 * {@code anyOf} with a {@code $ref} branch;
 * <li>every object schema that only answers use (reached from a response, never from a request) lists
 * {@code required}: all its properties, as the services' ObjectMapper writes every property, nulls too, but numbers
 * (a null {@code Integer} is left out, and the schema cannot tell it from an {@code int}); a record
 * that leaves some out ({@code @JsonInclude(NON_NULL)}) states its own {@code requiredProperties}, which are kept;
 * <li>the maps of {@code components} are sorted by name, so that the document is the same on every build.
 * </ul>
 */
final class SchemaRules {
    private static final String SCHEMAS = "#/components/schemas/";
    /** A time of day as Jackson writes and reads it: hours and minutes, optional seconds and fraction. */
    static final String TIME_OF_DAY = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?$";
    /** SmallRye's pattern for {@code @NotBlank}, anchored with the same meaning. */
    static final String NOT_BLANK = "^[\\s\\S]*\\S[\\s\\S]*$";
    private static final Pattern LITERAL_ALTERNATIVES = Pattern.compile("^\\^?\\(?([A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+)\\)?\\$?$");

    private SchemaRules() {
    }

    static void apply(OpenAPI openApi) {
        Components components = openApi.getComponents();
        Map<String, Schema> inlined = new TreeMap<>();
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> {
                if (simpleString(schema)) {
                    inlined.put(name, schema);
                }
            });
        }
        forEachSchema(openApi, schema -> visit(schema, inlined, new HashSet<>()));
        inlined.keySet().forEach(components::removeSchema);
        requireWrittenProperties(openApi);
        sort(components);
    }

    /** A string type of a component (UUID, Instant, LocalDate, LocalTime): no enum, no properties, no composition. */
    private static boolean simpleString(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.STRING).equals(schema.getType())
                && (schema.getEnumeration() == null || schema.getEnumeration().isEmpty()) && schema.getProperties() == null
                && schema.getAllOf() == null && schema.getAnyOf() == null && schema.getOneOf() == null;
    }

    private static void visit(Schema schema, Map<String, Schema> inlined, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(SCHEMAS) && inlined.containsKey(ref.substring(SCHEMAS.length()))) {
            schema.setRef(null);
            copy(inlined.get(ref.substring(SCHEMAS.length())), schema, false);
        } else if (ref != null) {
            schema.setType(null); // the referred schema has its type; a sibling only makes generators clear it
        }
        if (schema.getAnyOf() != null) {
            nullableAnyOf(schema, inlined);
        }
        anchor(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(sub -> visit(sub, inlined, seen));
        }
        visit(schema.getItems(), inlined, seen);
        visit(schema.getAdditionalPropertiesSchema(), inlined, seen);
        visit(schema.getNot(), inlined, seen);
        for (List<Schema> branches : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())) {
            if (branches != null) {
                branches.forEach(sub -> visit(sub, inlined, seen));
            }
        }
    }

    /**
     * {@code anyOf: [{$ref: a simple string}, {type: null}]} becomes the string type with "null"; an {@code anyOf} that
     * keeps a {@code $ref} branch has no sibling {@code type}.
     */
    private static void nullableAnyOf(Schema schema, Map<String, Schema> inlined) {
        List<Schema> branches = schema.getAnyOf();
        boolean nullBranch = branches.stream().anyMatch(b -> List.of(Schema.SchemaType.NULL).equals(b.getType()) && b.getRef() == null);
        List<Schema> others = branches.stream().filter(b -> !(List.of(Schema.SchemaType.NULL).equals(b.getType()) && b.getRef() == null)).toList();
        if (nullBranch && others.size() == 1 && others.get(0).getRef() != null
                && inlined.containsKey(others.get(0).getRef().substring(SCHEMAS.length()))) {
            Schema simple = inlined.get(others.get(0).getRef().substring(SCHEMAS.length()));
            schema.setAnyOf(null);
            copy(simple, schema, true);
        } else if (branches.stream().anyMatch(b -> b.getRef() != null)) {
            schema.setType(null);
        }
    }

    /** The simple component's type (with "null" when nullable), format and pattern, onto the schema that referred to it. */
    private static void copy(Schema simple, Schema target, boolean nullable) {
        List<Schema.SchemaType> types = new ArrayList<>(simple.getType());
        if (nullable || (target.getType() != null && target.getType().contains(Schema.SchemaType.NULL))) {
            types.add(Schema.SchemaType.NULL);
        }
        target.setType(types);
        String format = simple.getFormat();
        String pattern = simple.getPattern();
        if ("local-time".equals(format)) { // not a format of JSON Schema: a LocalTime is a pattern
            format = null;
            pattern = TIME_OF_DAY;
        }
        if (target.getFormat() == null && format != null) {
            target.setFormat(format);
        }
        if (target.getPattern() == null && pattern != null) {
            target.setPattern(pattern);
        }
        if (target.getExamples() == null && simple.getExamples() != null) {
            target.setExamples(simple.getExamples());
        }
    }

    /** Anchors the pattern; literal alternatives only become an enum. */
    static void anchor(Schema schema) {
        String pattern = schema.getPattern();
        if (pattern == null) {
            return;
        }
        var literal = LITERAL_ALTERNATIVES.matcher(pattern);
        if (literal.matches() && (schema.getEnumeration() == null || schema.getEnumeration().isEmpty())) {
            schema.setPattern(null);
            for (String value : literal.group(1).split("\\|")) {
                schema.addEnumeration(value);
            }
            return;
        }
        schema.setPattern(anchored(pattern));
    }

    /** The pattern anchored with the same meaning as Bean Validation's whole-string match. */
    static String anchored(String pattern) {
        if (pattern.equals("\\S")) {
            return NOT_BLANK;
        }
        if (pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$")) {
            return pattern;
        }
        String body = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return "^(?:" + body + ")$";
    }

    /**
     * Every object schema that only answers use lists its properties as required (unless it states its own): the
     * services' ObjectMapper writes every property of an answer, nulls included.
     */
    private static void requireWrittenProperties(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> requests = new HashSet<>();
        Set<String> answers = new HashSet<>();
        forEachOperation(openApi, operation -> {
            if (operation.getRequestBody() != null) {
                contentSchemas(operation.getRequestBody().getContent(), s -> referred(s, schemas, requests));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> referred(p.getSchema(), schemas, requests));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(r -> contentSchemas(r.getContent(), s -> referred(s, schemas, answers)));
            }
        });
        if (openApi.getComponents().getResponses() != null) {
            openApi.getComponents().getResponses().values().forEach(r -> contentSchemas(r.getContent(), s -> referred(s, schemas, answers)));
        }
        answers.removeAll(requests);
        for (String name : answers) {
            requireAll(schemas.get(name), new HashSet<>());
        }
    }

    /** The object schema and its inline object subschemas list their properties as required, unless they list some. */
    private static void requireAll(Schema schema, Set<Schema> seen) {
        if (schema == null || schema.getRef() != null || !seen.add(schema)) {
            return;
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            boolean allOptional = schema.getExtensions() != null
                    && Boolean.TRUE.equals(schema.getExtensions().get(ResponseHeaders.OPTIONAL_PROPERTIES));
            if (!allOptional && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                List<String> required = new ArrayList<>();
                schema.getProperties().forEach((name, property) -> {
                    if (!mayBeLeftOut(property)) {
                        required.add(name);
                    }
                });
                schema.setRequired(required);
            }
            schema.getProperties().values().forEach(sub -> requireAll(sub, seen));
        }
        requireAll(schema.getItems(), seen);
    }

    /**
     * A number: the services' serializer leaves a null {@code Integer} or {@code Double} out (a meeting's
     * {@code actualMinutes} before it is held, {@code total} of a suppressed attention page), nullable or not, and the
     * schema cannot tell one from an {@code int}, so no number is listed as required.
     */
    private static boolean mayBeLeftOut(Schema property) {
        List<Schema.SchemaType> types = property.getType();
        return property.getRef() == null && types != null
                && (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER));
    }

    /** The names of the components the schema refers to, directly or through others. */
    private static void referred(Schema schema, Map<String, Schema> components, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (names.add(name)) {
                referred(components.get(name), components, names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(sub -> referred(sub, components, names));
        }
        referred(schema.getItems(), components, names);
        referred(schema.getAdditionalPropertiesSchema(), components, names);
        for (List<Schema> branches : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (branches != null) {
                branches.forEach(sub -> referred(sub, components, names));
            }
        }
    }

    private static void contentSchemas(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(action);
        }
    }

    private static void forEachOperation(OpenAPI openApi, Consumer<Operation> action) {
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            openApi.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(action));
        }
    }

    /** Every top-level schema of the document: components, parameters, bodies, answers and headers. */
    private static void forEachSchema(OpenAPI openApi, Consumer<Schema> action) {
        Components components = openApi.getComponents();
        Consumer<Parameter> parameter = p -> {
            action.accept(p.getSchema());
            contentSchemas(p.getContent(), action);
        };
        Consumer<Header> header = h -> {
            action.accept(h.getSchema());
            contentSchemas(h.getContent(), action);
        };
        Consumer<APIResponse> response = r -> {
            contentSchemas(r.getContent(), action);
            if (r.getHeaders() != null) {
                r.getHeaders().values().forEach(header);
            }
        };
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(action);
        }
        if (components.getParameters() != null) {
            components.getParameters().values().forEach(parameter);
        }
        if (components.getHeaders() != null) {
            components.getHeaders().values().forEach(header);
        }
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(response);
        }
        if (components.getRequestBodies() != null) {
            components.getRequestBodies().values().forEach(b -> contentSchemas(b.getContent(), action));
        }
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            for (PathItem item : openApi.getPaths().getPathItems().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(parameter);
                }
                item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter);
                    }
                    if (operation.getRequestBody() != null) {
                        contentSchemas(operation.getRequestBody().getContent(), action);
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(response);
                    }
                });
            }
        }
    }

    /** The maps of components by name, so that two builds write the same document. */
    private static void sort(Components components) {
        if (components.getSchemas() != null) {
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        }
        if (components.getResponses() != null) {
            components.setResponses(new TreeMap<>(components.getResponses()));
        }
        if (components.getHeaders() != null) {
            components.setHeaders(new TreeMap<>(components.getHeaders()));
        }
        if (components.getParameters() != null) {
            components.setParameters(new TreeMap<>(components.getParameters()));
        }
        if (components.getExamples() != null) {
            components.setExamples(new TreeMap<>(components.getExamples()));
        }
        if (components.getSecuritySchemes() != null) {
            components.setSecuritySchemes(new TreeMap<>(components.getSecuritySchemes()));
        }
    }
}
