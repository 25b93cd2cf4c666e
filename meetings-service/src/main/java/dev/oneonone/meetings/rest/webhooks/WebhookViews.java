package dev.oneonone.meetings.rest.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;
import dev.oneonone.meetings.application.webhooks.WebhookDelivery;
import dev.oneonone.meetings.application.webhooks.WebhookEndpoint;

/** The answers of {@link WebhooksResource}. */
public final class WebhookViews {
    private WebhookViews() {
    }

    /** An endpoint, without its secret. */
    @Schema(name = "WebhookEndpoint", description = "Where the organisation's events are POSTed (Standard Webhooks).")
    public record EndpointView(
            UUID id,
            @Schema(example = "https://hooks.example.com/oneonone") String url,
            @Schema(example = "HR platform sync", nullable = true) String description,
            @Schema(description = "The types it receives; null: every type of the public contract", nullable = true,
                    example = "[\"oneonone.meetings.SeriesStarted\"]") List<String> eventTypes,
            @Schema(description = "false: nothing is sent, deliveries wait") boolean enabled,
            Instant createdAt,
            @Schema(description = "The first failed attempt since its last success; null while it answers",
                    nullable = true) Instant failingSince,
            @Schema(description = "When it was disabled; null while enabled", nullable = true) Instant disabledAt,
            @Schema(description = "DELIVERIES_FAILING when the service disabled it (WebhookEndpointDisabled); null "
                    + "otherwise", nullable = true, maxLength = 64, example = "DELIVERIES_FAILING") String disabledReason,
            @Schema(description = "The version of its settings, as in the ETag: 1 when registered, one more for each "
                    + "change (and the service disabling it); send it in If-Match to change it", example = "1")
            int version) {

        static EndpointView of(WebhookEndpoint endpoint) {
            return new EndpointView(endpoint.endpointId(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                    endpoint.enabled(), endpoint.createdAt(), endpoint.failingSince(), endpoint.disabledAt(),
                    endpoint.disabledReason(), endpoint.version());
        }
    }

    /** A new endpoint and its secret, answered this once. */
    @Schema(name = "WebhookEndpointCreated", description = "The new endpoint and its signing secret, shown only once.")
    public record EndpointCreated(
            EndpointView endpoint,
            @Schema(description = "The Standard Webhooks secret: whsec_ and 32 bytes in Base64",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3bvbN3KjV4o=") String secret) {
    }

    /** A rotated secret. */
    @Schema(name = "WebhookSecretRotated", description = "The new secret; the previous one still signs until "
            + "previousSecretExpiresAt, both signatures in webhook-signature.")
    public record SecretRotated(
            @Schema(example = "whsec_Q2w8bYVhXo2b0m1bq5yJ8Nn2fQ0yYQm2Jt3GkH1vR5s=") String secret,
            Instant previousSecretExpiresAt) {
    }

    /** A page of endpoints. */
    @Schema(name = "WebhookEndpointPage", description = "One page of the organisation's webhook endpoints, by id.")
    public record EndpointPage(List<EndpointView> items,
            @Schema(description = Paging.NEXT_DESCRIPTION, nullable = true) String next) {
    }

    /** One attempt of a delivery. */
    @Schema(name = "WebhookAttempt", description = "One attempt to deliver an event.")
    public record AttemptView(
            @Schema(description = "When the attempt started (durationMs later it ended)") Instant attemptedAt,
            @Schema(description = "The receiver's HTTP status; left out (or null) when there was no "
                    + "answer (TIMEOUT, CONNECTION, ADDRESS_REFUSED, SECRET_ERROR)", nullable = true, example = "500")
            Integer statusCode,
            @Schema(description = "Why it failed: HTTP_STATUS (not a 2xx), TIMEOUT (no answer in time), CONNECTION "
                    + "(none made), ADDRESS_REFUSED (not sent: the URL's host now resolves to a loopback, link-local or "
                    + "private address), SECRET_ERROR (not sent: its secret does not open with the configured key); null "
                    + "when delivered", nullable = true, maxLength = 16, example = "HTTP_STATUS")
            String failure,
            @Schema(description = "How long it took, in milliseconds", example = "42") int durationMs) {
    }

    /** One delivery with its attempts. */
    @Schema(name = "WebhookDelivery", description = "One event to one endpoint, with every attempt (no body).")
    public record DeliveryView(
            UUID id,
            @Schema(description = "The CloudEvent id, sent as webhook-id") UUID eventId,
            @Schema(example = "oneonone.meetings.SeriesStarted") String eventType,
            @Schema(description = "The aggregate (CloudEvent subject): deliveries of one aggregate go in order")
            UUID aggregateId,
            @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED" }) String status,
            @Schema(description = "When it is attempted next; null unless PENDING", nullable = true) Instant nextAttemptAt,
            Instant createdAt,
            @Schema(nullable = true) Instant deliveredAt,
            List<AttemptView> attempts) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.deliveryId(), delivery.eventId(), delivery.eventType(),
                    delivery.aggregateId(), delivery.status(), delivery.nextAttemptAt(), delivery.createdAt(),
                    delivery.deliveredAt(), delivery.attempts().stream().map(attempt -> new AttemptView(
                            attempt.attemptedAt(), attempt.statusCode(), attempt.failure(), attempt.durationMs())).toList());
        }
    }

    /** A page of the delivery log. */
    @Schema(name = "WebhookDeliveryPage", description = "One page of an endpoint's delivery log, newest first.")
    public record DeliveryPage(List<DeliveryView> items,
            @Schema(description = Paging.NEXT_DESCRIPTION, nullable = true) String next) {
    }
}
