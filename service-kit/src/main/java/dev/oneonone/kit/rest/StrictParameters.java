package dev.oneonone.kit.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.oneonone.kit.input.PolicyUuidDeserializer;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Strict conversion of typed query and header parameters, one rule for every service: a whole number
 * ({@code int}/{@code Integer}) is ASCII digits with an optional leading minus, an id ({@link UUID}) is the
 * canonical {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, a boolean is {@code true} or {@code false} (JAX-RS would
 * take anything else as false). A value that breaks the rule throws {@link InvalidInputException} naming the
 * parameter; Quarkus REST wraps it (a 404 for a query parameter, a 400 for a header) and
 * {@link dev.oneonone.kit.problem.ProblemMappers#http} answers it 400 {@code invalid-input}.
 * Path parameters keep JAX-RS's conversion: a path that cannot name anything stays 404 {@code not-found}.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {
    /** Reason of a parameter that is not a whole number (or one beyond a 32-bit integer). */
    public static final String NOT_A_WHOLE_NUMBER = "not-a-whole-number";
    /** Reason of a parameter that is not a canonical id. */
    public static final String NOT_AN_ID = PolicyUuidDeserializer.NOT_AN_ID;
    /** Reason of a parameter that is neither true nor false. */
    public static final String NOT_A_BOOLEAN = "not-a-boolean";
    private static final String WHOLE_NUMBER = "must be a whole number";
    private static final String TOO_LARGE = "must be a whole number between -2147483648 and 2147483647";
    private static final String ID = "must be an id of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hex digits)";
    private static final String BOOLEAN = "must be true or false";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(name, NOT_A_WHOLE_NUMBER, StrictParameters::wholeNumber);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, NOT_AN_ID, StrictParameters::id);
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, NOT_A_BOOLEAN, StrictParameters::bool);
        }
        return null;
    }

    /** The name of a query or header parameter; null for any other kind (path, form, cookie, bean). */
    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    private static Integer wholeNumber(String text) {
        if (!text.matches("-?[0-9]{1,20}")) {
            throw new IllegalArgumentException(WHOLE_NUMBER);
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TOO_LARGE);
        }
    }

    private static UUID id(String text) {
        if (!PolicyUuidDeserializer.canonical(text)) {
            throw new IllegalArgumentException(ID);
        }
        return UUID.fromString(text);
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(BOOLEAN);
        };
    }

    /** Converts by the rule; a refusal becomes {@link InvalidInputException} naming the parameter. */
    private record Strict<T>(String name, String reason, Function<String, T> rule) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return rule.apply(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of(new FieldError(name, e.getMessage(), reason)));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
