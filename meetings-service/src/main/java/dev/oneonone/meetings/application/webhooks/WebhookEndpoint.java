package dev.oneonone.meetings.application.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A row of {@code webhook_endpoint}: where an integration receives the organisation's events. {@code eventTypes}
 * null means every type of the public contract; {@code failingSince} is the first failed attempt since its last
 * success; {@code disabledAt} and {@code disabledReason} are set when the service disabled it. {@code version} counts
 * the changes of its settings (1 when registered; each change, and the service disabling it, adds one): its ETag.
 */
public record WebhookEndpoint(UUID endpointId, String organisationId, String url, String description,
        List<String> eventTypes, boolean enabled, Instant createdAt, Instant updatedAt, Instant failingSince,
        Instant disabledAt, String disabledReason, int version) {

    /** The columns {@link #of} reads, in a select list. */
    static final String COLUMNS = "endpoint_id, organisation_id, url, description, event_types, enabled, created_at, "
            + "updated_at, failing_since, disabled_at, disabled_reason, version";

    static WebhookEndpoint of(Row row) {
        String[] types = row.getArrayOfStrings("event_types");
        return new WebhookEndpoint(row.getUUID("endpoint_id"), row.getString("organisation_id"), row.getString("url"),
                row.getString("description"), types == null ? null : List.of(types), row.getBoolean("enabled"),
                instant(row, "created_at"), instant(row, "updated_at"), instant(row, "failing_since"),
                instant(row, "disabled_at"), row.getString("disabled_reason"), row.getInteger("version"));
    }

    static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
