package dev.oneonone.kit.privacy;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a person's access log as the API shows it: who, in which role, read what about them, and when. */
@Schema(name = "AccessRecord", description = "A read or export of data about the person's 1:1s by someone else; no content.")
public record AccessRecordView(
        @Schema(required = true, description = "The entry's id") UUID id,
        @Schema(required = true, description = "Who read: a person's id, or an integration's client id", example = "integration-acme") String readerId,
        @Schema(required = true, description = "The role the read was allowed by", enumeration = { "person", "director", "hr", "integration" },
                example = "hr") String readerRole,
        @Schema(required = true, description = "What was read", example = "SERIES_FIGURES") AccessKind kind,
        @Schema(description = "The series read, when the read names one; for an export, the person exported",
                nullable = true) UUID resourceId,
        @Schema(required = true, description = "When (UTC)", example = "2026-11-30T09:15:02.117Z") Instant accessedAt) {

    public static AccessRecordView of(AccessRecord record) {
        return new AccessRecordView(record.recordId(), record.readerId(), record.readerRole(), record.kind(),
                record.resourceId(), record.accessedAt());
    }
}
