package dev.oneonone.kit.input;

import java.time.Instant;
import java.time.LocalTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict JSON for every request body, set once on the service's ObjectMapper (docs/api-standards.md,
 * "Strict JSON"): a key given twice, a field the request does not have, a null for a primitive, a number for a
 * string or an enum, a string for a number or a boolean, a fraction for an integer, anything after the JSON
 * value (every unknown field of an object is named, {@link UnknownFields}), ids other than canonical UUID strings ({@link PolicyUuidDeserializer}) and dates other than ISO-8601
 * strings are refused; every string goes through {@link TextRules} and
 * every date and instant through {@link DateRange}. Each refusal is a Jackson exception that
 * {@code ProblemMappers} answers 400 naming the field.
 * <p>
 * What the service reads from its own store or from Kafka is not a request: read it with
 * {@link #trustedReader}, which keeps unknown fields (a newer publisher may add some) and skips the text and
 * date rules. Writing is not changed: the events' own JSON stays as it is.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** The reader attribute that marks a trusted read (the store, Kafka): the input rules stay out of it. */
    public static final String TRUSTED = "dev.oneonone.kit.input.trusted";

    private static final Set<Class<?>> DATE_TYPES = Set.of(LocalDate.class, LocalDateTime.class, Instant.class,
            OffsetDateTime.class, ZonedDateTime.class, LocalTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Applies the policy to a mapper; the customizer does it to the service's, tests to their own. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.setDefaultLeniency(false);
        for (LogicalType scalar : new LogicalType[] { LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime }) {
            for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString }) {
                if (!sameShape(scalar, shape)) {
                    mapper.coercionConfigFor(scalar).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        SimpleModule policy = new SimpleModule("suite-input-policy");
        policy.addDeserializer(String.class, new PolicyStringDeserializer());
        policy.addDeserializer(UUID.class, new PolicyUuidDeserializer());
        NullRefusingPrimitiveDeserializer.register(policy);
        policy.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return DATE_TYPES.contains(description.getBeanClass()) ? new DateRangeDeserializer(deserializer) : deserializer;
            }
        });
        mapper.registerModule(policy);
        mapper.addHandler(new UnknownFields());
        return mapper;
    }

    /**
     * A reader for JSON the service trusts (its event store, events consumed from Kafka, its own stored
     * documents): unknown fields and duplicate keys pass, and the text and date rules are skipped.
     */
    public static ObjectReader trustedReader(ObjectMapper mapper) {
        return mapper.reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .withAttribute(TRUSTED, Boolean.TRUE);
    }

    static boolean isTrusted(DeserializationContext ctxt) {
        return Boolean.TRUE.equals(ctxt.getAttribute(TRUSTED));
    }

    private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual, Enum, DateTime -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            default -> false;
        };
    }
}
