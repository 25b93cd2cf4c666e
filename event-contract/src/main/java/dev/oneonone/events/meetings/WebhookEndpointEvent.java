package dev.oneonone.events.meetings;

import java.util.UUID;

/**
 * An event of an integration's webhook endpoint (meetings-service {@code /webhooks/endpoints}); the endpoint is the
 * aggregate. Payloads carry the endpoint's id and codes, never its URL or secret.
 */
public sealed interface WebhookEndpointEvent extends MeetingsEvent permits WebhookEndpointDisabled {
    String AGGREGATE_TYPE = "webhook-endpoint";

    UUID endpointId();

    @Override
    default UUID aggregateId() {
        return endpointId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }
}
