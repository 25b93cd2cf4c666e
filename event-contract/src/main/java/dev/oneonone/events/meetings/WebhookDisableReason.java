package dev.oneonone.events.meetings;

/** Why meetings-service disabled a webhook endpoint on its own. */
public enum WebhookDisableReason {
    /**
     * Every delivery attempt failed (no 2xx answer in time) for the failure budget: from the first failure after the
     * last success, at least {@code meetings.webhooks.disable-after} (5 days) and a delivery that used up its retries.
     */
    DELIVERIES_FAILING
}
