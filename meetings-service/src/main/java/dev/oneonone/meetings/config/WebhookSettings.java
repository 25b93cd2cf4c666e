package dev.oneonone.meetings.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Webhook delivery settings ({@code meetings.webhooks.*}, README "Webhooks"). The defaults follow the durations of
 * the Standard Webhooks reference schedule: a first attempt at once, then retries spread over more than 24 hours.
 */
@ConfigMapping(prefix = "meetings.webhooks")
public interface WebhookSettings {

    /**
     * The waits before each retry, after the first attempt (ISO-8601 durations); a delivery that failed them all has
     * failed for good. Default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over 27 h 35 min.
     */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** An endpoint whose every attempt has failed for this long is disabled at its next failed attempt (5 days). */
    @WithDefault("P5D")
    Duration disableAfter();

    /** How long a rotated-out secret still signs beside the new one (24 h). */
    @WithDefault("PT24H")
    Duration rotationGrace();

    /** Plain {@code http://} endpoint URLs are refused unless this is true (local runs and tests only). */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Endpoint URLs whose host is or resolves to a loopback, link-local, private (RFC 1918, RFC 4193), unspecified or
     * multicast address are refused (422 {@code address-not-public}; at delivery time the attempt is
     * {@code ADDRESS_REFUSED}) unless this is true: local runs and tests with a receiver on the same machine.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /**
     * The key that seals the signing secrets at rest (AES-256-GCM, {@code WebhookSecrets}): 32 random bytes in Base64,
     * e.g. from {@code openssl rand -base64 32}, kept out of the database. Not set: secrets are stored in clear.
     */
    Optional<String> secretEncryptionKey();

    /** A receiver that has not answered within this counts as failed (TIMEOUT). */
    @WithDefault("PT15S")
    Duration timeout();

    /** How often the dispatcher looks for due deliveries. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How many deliveries the dispatcher claims at once, and sends in parallel at most. */
    @WithDefault("16")
    int batchSize();

    /** Delivered and failed deliveries are deleted from the log this long after their last attempt (30 days). */
    @WithDefault("P30D")
    Duration logRetention();

    /** False stops this instance's dispatcher (deliveries are still recorded and wait). */
    @WithDefault("true")
    boolean dispatcherEnabled();
}
