package dev.oneonone.kit.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a person's access log: {@code readerId} (a person id or an integration's client id) with
 * {@code readerRole} read {@code kind} ({@code resourceId}, when it names one) about {@code subjectId} at
 * {@code accessedAt}. No 1:1 content, by construction: only ids, a role, a kind and an instant.
 */
public record AccessRecord(UUID recordId, String organisationId, UUID subjectId, String readerId, String readerRole,
        AccessKind kind, UUID resourceId, Instant accessedAt) {
}
