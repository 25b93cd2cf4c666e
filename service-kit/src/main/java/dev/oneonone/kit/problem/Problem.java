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
             "errors":[{"field":"cadence","message":"must not be null"}]}""";
    public static final String EXAMPLE_CONFLICT = """
            {"type":"https://oneonone.dev/problems/version-conflict","title":"Version conflict","status":409,
             "detail":"Series 0b6f3f0e-8f5b-4c59-a0a4-3e1f4b3a9c77 is no longer at version 1; read it again and retry.",
             "instance":"/series/0b6f3f0e-8f5b-4c59-a0a4-3e1f4b3a9c77/meetings"}""";

    /** One refused input: which field (JSON path, header or query parameter) and why. */
    @Schema(name = "FieldError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(@Schema(example = "cadence") String field, @Schema(example = "must not be null") String message,
            @Schema(description = "The domain rule's code, when one refused it", example = "held-in-the-future") String reason) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
