package dev.oneonone.kit.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, with the fields at fault when the input was refused. */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(required = true, description = "The problem's kind, a URI under https://oneonone.dev/problems/",
                example = "https://oneonone.dev/problems/invalid-input") String type,
        @Schema(required = true, description = "The kind's short summary, the same for every problem of the kind",
                example = "Invalid input") String title,
        @Schema(required = true, description = "The answer's HTTP status", example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(example = "/series") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://oneonone.dev/problems/";

    public static final String EXAMPLE_VALIDATION = """
            {"type":"https://oneonone.dev/problems/invalid-input","title":"Invalid input","status":400,
             "detail":"1 field is invalid","instance":"/series",
             "errors":[{"field":"cadence","message":"must not be null","reason":"not-null"}]}""";
    public static final String EXAMPLE_CONFLICT = """
            {"type":"https://oneonone.dev/problems/version-conflict","title":"Version conflict","status":409,
             "detail":"Series 0b6f3f0e-8f5b-4c59-a0a4-3e1f4b3a9c77 is no longer at version 1; read it again and retry.",
             "instance":"/series/0b6f3f0e-8f5b-4c59-a0a4-3e1f4b3a9c77/meetings"}""";

    /**
     * One refused input: which field (JSON path, header or query parameter), why in words, and the rule's code. Every
     * error has the three: one made without a code gets {@value #INVALID_VALUE}; a Bean Validation refusal is coded
     * after its constraint ({@code not-null}, {@code not-blank}, {@code size}, {@code pattern}; a bound such as
     * {@code @Min} or {@code @Max} is {@code out-of-range}).
     */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(required = true, example = "cadence") String field,
            @Schema(required = true, example = "must not be null") String message,
            @Schema(required = true, description = "The rule's code (docs/api-standards.md, \"The input policy\"), or the domain rule's",
                    example = "not-null") String reason) {
        /** The code of a refusal that names no rule of its own. */
        public static final String INVALID_VALUE = "invalid-value";

        public FieldError {
            reason = reason == null ? INVALID_VALUE : reason;
        }

        public FieldError(String field, String message) {
            this(field, message, INVALID_VALUE);
        }

        /** A Bean Validation refusal, coded after its constraint: {@code @NotNull} is {@code not-null}. */
        public static FieldError of(String field, jakarta.validation.ConstraintViolation<?> violation) {
            String constraint = violation.getConstraintDescriptor() == null ? null
                    : violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            if (constraint == null) {
                return new FieldError(field, violation.getMessage(), INVALID_VALUE);
            }
            return new FieldError(field, violation.getMessage(), switch (constraint) {
                case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero" -> "out-of-range";
                default -> constraint.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            });
        }
    }
}
