package dev.oneonone.agenda.rest.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, with the fields at fault when the input was refused. */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://oneonone.dev/problems/";

    /** One refused input: which field (JSON path, header or query parameter) and why. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
