package dev.oneonone.meetings.application.webhooks;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.kit.problem.NotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The deliveries of events to webhook endpoints (table {@code webhook_delivery}): one row per event and endpoint,
 * written when the event is consumed ({@link #enqueue}), attempted by the {@link WebhookDispatcher}, kept as the
 * endpoint's delivery log ({@link #log}) and sent again on request ({@link #redeliver}).
 */
@ApplicationScoped
public class WebhookDeliveries {
    private static final String DELIVERY_COLUMNS = "delivery_id, position, event_id, event_type, aggregate_id, status, "
            + "next_attempt_at, created_at, delivered_at";
    /** The enabled endpoints of organisation $1 that subscribe to type $2 and existed at $3 (the event's recording). */
    private static final String SUBSCRIBED = "e.organisation_id = $1 and e.enabled and e.created_at <= $3"
            + " and (e.event_types is null or $2 = any(e.event_types))";

    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper mapper;

    public WebhookDeliveries(Pool pool, Clock clock, ObjectMapper mapper) {
        this.pool = pool;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * Records a delivery of the event to every enabled endpoint of its organisation that subscribes to its type and
     * existed when it was recorded, due at once; a redelivered record changes nothing (one row per event and
     * endpoint). Answers how many deliveries it recorded. An organisation without such an endpoint (most of them)
     * costs one indexed look-up ({@code webhook_endpoint_org}) and no body.
     */
    public Uni<Integer> enqueue(EventEnvelope envelope) {
        var recordedAt = envelope.recordedAt().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("select exists (select 1 from webhook_endpoint e where " + SUBSCRIBED + ")")
                .execute(Tuple.of(envelope.organisationId(), envelope.type(), recordedAt))
                .chain(rows -> rows.iterator().next().getBoolean(0) ? insert(envelope) : Uni.createFrom().item(0));
    }

    private Uni<Integer> insert(EventEnvelope envelope) {
        String body = body(envelope);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("insert into webhook_delivery (delivery_id, endpoint_id, event_id, event_type,"
                        + " aggregate_id, payload, status, next_attempt_at, created_at)"
                        + " select gen_random_uuid(), e.endpoint_id, $4, $2, $5, $6, 'PENDING', $7, $7"
                        + " from webhook_endpoint e where " + SUBSCRIBED
                        + " order by e.endpoint_id on conflict (endpoint_id, event_id) do nothing")
                .execute(Tuple.from(new Object[] { envelope.organisationId(), envelope.type(),
                        envelope.recordedAt().atOffset(ZoneOffset.UTC), envelope.id(), envelope.aggregateId(), body, now }))
                .map(rows -> rows.rowCount());
    }

    /**
     * The body of a delivery: the CloudEvent in structured mode (JSON), with the same attributes as the Kafka
     * record's {@code ce_*} headers (without the prefix) and its payload as {@code data}.
     */
    String body(EventEnvelope envelope) {
        try {
            ObjectNode event = mapper.createObjectNode()
                    .put("specversion", "1.0")
                    .put("id", envelope.id().toString())
                    .put("source", envelope.source())
                    .put("type", envelope.type())
                    .put("time", envelope.occurredAt().toString())
                    .put("subject", envelope.aggregateId().toString())
                    .put("datacontenttype", "application/json")
                    .put("organisation", envelope.organisationId())
                    .put("aggregatetype", envelope.aggregateType())
                    .put("aggregateversion", envelope.aggregateVersion())
                    .put("recordedtime", envelope.recordedAt().toString());
            event.set("data", mapper.readTree(envelope.data()));
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + envelope.id() + " has no JSON payload", e);
        }
    }

    /**
     * Up to {@code limit + 1} deliveries of the endpoint, newest first, before position {@code before} (null: from the
     * newest), each with its attempts.
     *
     * @throws NotFoundException (as the Uni's failure) for an endpoint not of the organisation
     */
    public Uni<List<WebhookDelivery>> log(String organisationId, UUID endpointId, Long before, int limit) {
        return pool.preparedQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery d"
                        + " where endpoint_id = $1 and exists (select 1 from webhook_endpoint e"
                        + " where e.endpoint_id = $1 and e.organisation_id = $2)"
                        + " and ($3::bigint is null or position < $3) order by position desc limit $4")
                .execute(Tuple.of(endpointId, organisationId, before, limit + 1))
                .chain(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    if (found.isEmpty()) {
                        return endpointExists(organisationId, endpointId).map(ignored -> List.<WebhookDelivery>of());
                    }
                    return attempts(pool, found.stream().map(row -> row.getUUID("delivery_id")).toArray(UUID[]::new))
                            .map(attempts -> found.stream().map(row -> delivery(row, attempts)).toList());
                });
    }

    /**
     * Sends a delivery again, whatever became of it: it is due at once with a fresh retry schedule, and keeps its
     * place in its aggregate's order (newer deliveries of the same aggregate wait for it).
     *
     * @throws NotFoundException (as the Uni's failure) for a delivery not of this endpoint of the organisation
     */
    public Uni<WebhookDelivery> redeliver(SqlClient connection, String organisationId, UUID endpointId, UUID deliveryId) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return connection.preparedQuery("""
                        update webhook_delivery d set status = 'PENDING', attempts = 0, next_attempt_at = $4,
                                                      delivered_at = null
                        from webhook_endpoint e
                        where d.delivery_id = $1 and d.endpoint_id = $2 and e.endpoint_id = d.endpoint_id
                          and e.organisation_id = $3
                        returning d.delivery_id""")
                .execute(Tuple.of(deliveryId, endpointId, organisationId, now))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new NotFoundException("No delivery " + deliveryId
                                + " of webhook endpoint " + endpointId));
                    }
                    return one(connection, deliveryId);
                });
    }

    private Uni<WebhookDelivery> one(SqlClient connection, UUID deliveryId) {
        return connection.preparedQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery where delivery_id = $1")
                .execute(Tuple.of(deliveryId))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    return attempts(connection, new UUID[] { deliveryId }).map(attempts -> delivery(row, attempts));
                });
    }

    private Uni<Void> endpointExists(String organisationId, UUID endpointId) {
        return pool.preparedQuery("select 1 from webhook_endpoint where endpoint_id = $1 and organisation_id = $2")
                .execute(Tuple.of(endpointId, organisationId))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw WebhookEndpoints.notFound(endpointId);
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Map<UUID, List<WebhookDelivery.Attempt>>> attempts(SqlClient connection, UUID[] deliveryIds) {
        return connection.preparedQuery("select delivery_id, attempted_at, status_code, failure, duration_ms"
                        + " from webhook_attempt where delivery_id = any($1) order by attempt_id")
                .execute(Tuple.of(deliveryIds))
                .map(rows -> {
                    Map<UUID, List<WebhookDelivery.Attempt>> byDelivery = new HashMap<>();
                    for (Row row : rows) {
                        byDelivery.computeIfAbsent(row.getUUID("delivery_id"), id -> new ArrayList<>())
                                .add(new WebhookDelivery.Attempt(WebhookEndpoint.instant(row, "attempted_at"),
                                        row.getInteger("status_code"), row.getString("failure"),
                                        row.getInteger("duration_ms")));
                    }
                    return byDelivery;
                });
    }

    private static WebhookDelivery delivery(Row row, Map<UUID, List<WebhookDelivery.Attempt>> attempts) {
        UUID id = row.getUUID("delivery_id");
        String status = row.getString("status");
        return new WebhookDelivery(id, row.getLong("position"), row.getUUID("event_id"), row.getString("event_type"),
                row.getUUID("aggregate_id"), status,
                "PENDING".equals(status) ? WebhookEndpoint.instant(row, "next_attempt_at") : null,
                WebhookEndpoint.instant(row, "created_at"), WebhookEndpoint.instant(row, "delivered_at"),
                attempts.getOrDefault(id, List.of()));
    }
}
