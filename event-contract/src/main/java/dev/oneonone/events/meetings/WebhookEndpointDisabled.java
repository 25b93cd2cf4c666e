package dev.oneonone.events.meetings;

import java.time.Instant;
import java.util.UUID;

/**
 * meetings-service stopped sending to a webhook endpoint because it kept failing ({@code reason}); its deliveries
 * wait, and the integration enables it again with {@code PATCH /webhooks/endpoints/{id}} ({@code enabled: true}).
 * Delivered to the organisation's other endpoints that subscribe to it like any event.
 */
public record WebhookEndpointDisabled(UUID endpointId, Instant disabledAt, WebhookDisableReason reason)
        implements WebhookEndpointEvent {
}
