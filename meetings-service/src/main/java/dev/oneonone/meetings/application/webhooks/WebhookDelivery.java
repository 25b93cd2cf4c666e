package dev.oneonone.meetings.application.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event to one endpoint, as the delivery log shows it: {@code status} PENDING (to be attempted at
 * {@code nextAttemptAt}), DELIVERED or FAILED (retries used up), with every attempt, oldest first.
 */
public record WebhookDelivery(UUID deliveryId, long position, UUID eventId, String eventType, UUID aggregateId,
        String status, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, List<Attempt> attempts) {

    /** One attempt: the receiver's status code (null without an answer) and why it failed (null on success). */
    public record Attempt(Instant attemptedAt, Integer statusCode, String failure, int durationMs) {
    }
}
