package dev.oneonone.meetings.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of the export document, for the OpenAPI document only: the document itself is written row by row
 * ({@code application/privacy/PersonExport}), each row an object whose fields are its columns in camelCase.
 */
@Schema(name = "PersonExport", description = "Everything the suite holds about a person that they may see.")
public record PersonExportDocument(
        @Schema(required = true, description = "The document's format version", example = "1") int format,
        @Schema(required = true) Instant exportedAt,
        @Schema(required = true, example = "acme") String organisationId,
        @Schema(required = true) UUID personId,
        @Schema(nullable = true, description = "Their directory entry: name, email, team, department, manager, employment days")
        Map<String, Object> directoryEntry,
        @Schema(required = true, description = "Their managers over time") List<Map<String, Object>> reportingLines,
        @Schema(required = true, description = "The series they take part in") List<Map<String, Object>> series,
        @Schema(required = true, description = "The pauses of those series") List<Map<String, Object>> pauses,
        @Schema(required = true, description = "Every meeting of those series, by series then start") List<Map<String, Object>> meetings,
        @Schema(description = "agenda-service's part: topics, sharedNotes, privateNotes (their own; absent from an export "
                + "on their behalf), agreements; on their behalf without the 1:1 text (each row contentWithheld true)") Map<String, Object> agenda,
        @Schema(description = "insights-service's part: the figures of their series") Map<String, Object> insights) {
}
