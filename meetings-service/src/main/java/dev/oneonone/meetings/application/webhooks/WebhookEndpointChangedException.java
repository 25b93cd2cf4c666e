package dev.oneonone.meetings.application.webhooks;

import java.util.UUID;

/**
 * A change of a webhook endpoint sent at a version (If-Match) it is no longer at: nothing was changed. Answered 409
 * {@code version-conflict}, as a stale If-Match elsewhere in the API (docs/api-standards.md).
 */
public class WebhookEndpointChangedException extends RuntimeException {
    private final UUID endpointId;
    private final Integer expectedVersion;

    public WebhookEndpointChangedException(UUID endpointId, Integer expectedVersion) {
        super("Webhook endpoint " + endpointId + " is no longer at version " + expectedVersion
                + "; read it again and retry.", null, false, false);
        this.endpointId = endpointId;
        this.expectedVersion = expectedVersion;
    }

    public UUID endpointId() {
        return endpointId;
    }

    public Integer expectedVersion() {
        return expectedVersion;
    }
}
