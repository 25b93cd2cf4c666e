package dev.oneonone.events.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

import dev.oneonone.events.MayBeAbsent;

/**
 * JSON Schemas (draft 2020-12) of the event payloads, generated from the payload records: the
 * records are the contract, the schemas describe them for tools that do not read Java.
 */
public final class EventSchemas {
    private static final SchemaGenerator GENERATOR = generator();

    private EventSchemas() {
    }

    /** The schema of one payload record: every field required unless marked {@link MayBeAbsent}, nothing else allowed. */
    public static ObjectNode of(Class<? extends Record> payload) {
        return GENERATOR.generateSchema(payload);
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.FLATTENED_ENUMS)
                // java.time types and UUID travel as ISO strings, with their format
                .with(Option.ADDITIONAL_FIXED_TYPES)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields()
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(MayBeAbsent.class) == null)
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(MayBeAbsent.class) != null);
        return new SchemaGenerator(config.build());
    }
}
