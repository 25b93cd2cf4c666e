package dev.oneonone.events.schema;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

import dev.oneonone.events.MayBeAbsent;

/**
 * JSON Schemas of the event payloads, generated from the payload records: the records are the contract, the
 * schemas describe them for tools that do not read Java. Every field is required unless marked
 * {@link MayBeAbsent} (then it may also be null), and no other field is allowed. Each type is described as
 * Jackson writes it (the services' ObjectMapper with dates as ISO strings): {@code UUID} as {@code format: uuid},
 * {@code LocalDate} as {@code format: date}, {@code Instant} as {@code format: date-time} (UTC, {@code Z}), enums
 * by their constant names, lists as arrays, and {@code LocalTime} by a pattern, because Jackson writes it without
 * an offset ({@code "09:00:00"}) while JSON Schema's {@code format: time} requires one (RFC 3339 full-time).
 * Only keywords that JSON Schema draft-07 (the base of AsyncAPI's default schema format) and 2020-12 read alike
 * are used.
 */
public final class EventSchemas {
    /** Where a document keeps its schemas; every {@code $ref} of {@link #components} points there. */
    public static final String COMPONENTS_PATH = "components/schemas";
    /** A time of day as Jackson writes {@code LocalTime}: hours, minutes, seconds, and a fraction when there is one. */
    static final String LOCAL_TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?$";

    private static final SchemaGenerator GENERATOR = generator();

    private EventSchemas() {
    }

    /**
     * The schema of one payload record on its own: a type used more than once sits under its {@code $defs},
     * referenced from the schema's own root.
     */
    public static ObjectNode of(Class<? extends Record> payload) {
        return GENERATOR.generateSchema(payload);
    }

    /**
     * The schemas of a document's payloads, keyed by record name, plus the types they share (e.g. {@code Cadence}),
     * keyed by type name: every {@code $ref} points to {@code #/components/schemas/<name>}, so the result is
     * self-contained once put at {@link #COMPONENTS_PATH}.
     */
    public static ObjectNode components(List<Class<? extends Record>> payloads) {
        SchemaBuilder builder = GENERATOR.buildMultipleSchemaDefinitions();
        Map<String, ObjectNode> payloadSchemas = new LinkedHashMap<>();
        payloads.forEach(payload -> payloadSchemas.put(payload.getSimpleName(), builder.createSchemaReference(payload)));
        // filled in by collectDefinitions: the payload's schema, or a $ref when another type refers to the payload
        ObjectNode components = builder.collectDefinitions(COMPONENTS_PATH);
        payloadSchemas.forEach((name, schema) -> {
            if (!schema.path("$ref").asText().equals("#/" + COMPONENTS_PATH + "/" + name)) {
                components.set(name, schema);
            }
        });
        return components;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.FLATTENED_ENUMS)
                // java.time types and UUID travel as ISO strings, with their format
                .with(Option.ADDITIONAL_FIXED_TYPES)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .with(Option.PLAIN_DEFINITION_KEYS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (!type.isInstanceOf(LocalTime.class)) {
                return null;
            }
            ObjectNode localTime = context.getGeneratorConfig().createObjectNode();
            localTime.put("type", "string");
            localTime.put("pattern", LOCAL_TIME_PATTERN);
            localTime.put("description", "A local time of day without offset, HH:mm:ss with an optional fraction, "
                    + "e.g. 09:30:00");
            return new CustomDefinition(localTime, CustomDefinition.DefinitionType.INLINE,
                    CustomDefinition.AttributeInclusion.NO);
        });
        config.forFields()
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(MayBeAbsent.class) == null)
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(MayBeAbsent.class) != null);
        return new SchemaGenerator(config.build());
    }
}
