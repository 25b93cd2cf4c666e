package dev.oneonone.meetings.application.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.oneonone.events.meetings.WebhookDisableReason;
import dev.oneonone.events.meetings.WebhookEndpointDisabled;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.meetings.config.WebhookSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends due webhook deliveries (Standard Webhooks): every {@code meetings.webhooks.poll-interval} it claims up to
 * {@code batch-size} due deliveries of enabled endpoints and POSTs each, signed, in parallel, and claims again at
 * once while it found any (so an aggregate's events follow each other without waiting for the next poll).
 * <ul>
 * <li><b>In order per aggregate</b>: of an endpoint's pending deliveries of one aggregate (series, person, meeting's
 * agenda...) only the oldest is attempted; the next waits until it is delivered or has failed for good.</li>
 * <li><b>At least once, across restarts and instances</b>: deliveries are rows; a claim moves the delivery's due time
 * past the attempt (a lease, {@code timeout} + 30 s) with {@code for update skip locked}, so another instance skips
 * it and a crash mid-attempt only delays it.</li>
 * <li><b>Retries</b>: a 2xx answer within {@code timeout} delivers; anything else is retried after the next wait of
 * {@code retry-schedule} (5 s ... 10 h, over 27 h), also an attempt not made because the URL's host now resolves
 * to an address of the service's own network ({@code ADDRESS_REFUSED}, {@link WebhookAddresses}); after the last the delivery has FAILED and no longer holds its
 * aggregate's later deliveries back.</li>
 * <li><b>Disabling</b>: an endpoint whose attempts have all failed for {@code disable-after} (5 days) is disabled at
 * its next failed attempt, which records {@link WebhookEndpointDisabled} (reason {@code DELIVERIES_FAILING}) on
 * meetings' topic; its deliveries wait until it is enabled again.</li>
 * </ul>
 * Runs on threads of its own: the HTTP calls block, never a Vert.x event loop. Metrics: {@code webhook_attempts_total}
 * tagged {@code outcome} ({@code delivered}, {@code failed}), {@code webhook_endpoints_disabled_total}, and
 * {@code webhook_deliveries_pending} (to enabled endpoints, measured every 15 s).
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final Duration QUERY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_SENDERS = 8;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Duration COUNT_EVERY = Duration.ofSeconds(15);

    private record Claimed(UUID deliveryId, UUID endpointId, UUID eventId, String payload, int attempts, String url,
            List<String> secrets) {
    }

    private record Outcome(Integer statusCode, String failure, int durationMs) {
        boolean delivered() {
            return failure == null;
        }
    }

    private final Pool pool;
    private final Clock clock;
    private final WebhookSettings settings;
    private final EventStore events;
    private final WebhookAddresses addresses;
    private final WebhookSecrets secrets;
    private final HttpClient http;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "webhook-dispatcher"));
    private final ExecutorService senders;
    private volatile boolean paused;
    private volatile long pending;
    private Instant prunedAt;
    private Instant countedAt;
    private final Counter delivered;
    private final Counter failed;
    private final Counter disabledEndpoints;

    public WebhookDispatcher(Pool pool, Clock clock, WebhookSettings settings, EventStore events,
            WebhookAddresses addresses, WebhookSecrets secrets, MeterRegistry metrics) {
        this.delivered = Counter.builder("webhook.attempts").tag("outcome", "delivered")
                .description("Webhook delivery attempts, by outcome").register(metrics);
        this.failed = Counter.builder("webhook.attempts").tag("outcome", "failed")
                .description("Webhook delivery attempts, by outcome").register(metrics);
        this.disabledEndpoints = Counter.builder("webhook.endpoints.disabled")
                .description("Webhook endpoints disabled for failing").register(metrics);
        Gauge.builder("webhook.deliveries.pending", this, dispatcher -> dispatcher.pending)
                .description("Webhook deliveries to enabled endpoints not yet delivered nor failed").register(metrics);
        this.pool = pool;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.addresses = addresses;
        this.secrets = secrets;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        int threads = Math.max(1, Math.min(settings.batchSize(), MAX_SENDERS));
        this.senders = Executors.newFixedThreadPool(threads, runnable -> new Thread(runnable, "webhook-sender"));
    }

    void start(@Observes StartupEvent startup) {
        if (settings.dispatcherEnabled()) {
            rounds.scheduleWithFixedDelay(this::round, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        rounds.shutdownNow();
        senders.shutdownNow();
    }

    /** Stops (true) or resumes (false) this instance's rounds; deliveries meanwhile wait as rows. */
    public void pause(boolean pause) {
        this.paused = pause;
    }

    private void round() {
        if (paused) {
            return;
        }
        try {
            Instant now = clock.instant();
            if (prunedAt == null || !now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
                prune(now);
                prunedAt = now;
            }
            if (countedAt == null || !now.isBefore(countedAt.plus(COUNT_EVERY))) {
                pending = countPending();
                countedAt = now;
            }
            while (dispatchDue() > 0 && !paused) {
                // delivering one event of an aggregate makes its next one due at once: no wait for the next poll
            }
        } catch (Throwable e) { // anything escaping would end the schedule silently
            if (!rounds.isShutdown()) {
                LOG.warnf(e, "Webhook dispatch failed: %s", e.getMessage());
            }
        }
    }

    /** One batch: claims the due deliveries, sends them and records their outcome; answers how many. Blocks. */
    public int dispatchDue() throws InterruptedException {
        List<Claimed> claimed = claim(clock.instant());
        List<Future<?>> sending = new ArrayList<>();
        for (Claimed delivery : claimed) {
            sending.add(senders.submit(() -> attempt(delivery)));
        }
        for (Future<?> one : sending) {
            try {
                one.get();
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "Webhook delivery failed to complete: %s", e.getCause().getMessage());
            }
        }
        return claimed.size();
    }

    private long countPending() {
        return pool.query("select count(*) from webhook_delivery d join webhook_endpoint e on e.endpoint_id = d.endpoint_id"
                        + " where d.status = 'PENDING' and e.enabled")
                .execute().await().atMost(QUERY_WAIT).iterator().next().getLong(0);
    }

    /** Deletes delivered and failed deliveries whose last attempt is older than {@code log-retention}; answers how many. */
    int prune(Instant now) {
        int deleted = pool.preparedQuery("delete from webhook_delivery where status <> 'PENDING'"
                        + " and coalesce(delivered_at, next_attempt_at) < $1")
                .execute(Tuple.of(now.minus(settings.logRetention()).atOffset(ZoneOffset.UTC)))
                .await().atMost(QUERY_WAIT).rowCount();
        if (deleted > 0) {
            LOG.infof("Deleted %d webhook deliveries older than %s from the log", deleted, settings.logRetention());
        }
        return deleted;
    }

    private List<Claimed> claim(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime leaseEnd = now.plus(settings.timeout()).plus(LEASE_MARGIN).atOffset(ZoneOffset.UTC);
        List<Claimed> claimed = new ArrayList<>();
        for (Row row : pool.withTransaction(connection -> connection.preparedQuery("""
                        with due as (
                            select d.position from webhook_delivery d
                            join webhook_endpoint e on e.endpoint_id = d.endpoint_id
                            where d.status = 'PENDING' and e.enabled and d.next_attempt_at <= $1
                              and not exists (select 1 from webhook_delivery o
                                              where o.endpoint_id = d.endpoint_id and o.aggregate_id = d.aggregate_id
                                                and o.status = 'PENDING' and o.position < d.position)
                            order by d.next_attempt_at, d.position
                            limit $3
                            for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = $2 from due where d.position = due.position
                        returning d.delivery_id, d.endpoint_id, d.event_id, d.payload, d.attempts,
                            (select e.url from webhook_endpoint e where e.endpoint_id = d.endpoint_id) as url,
                            array(select s.secret from webhook_secret s where s.endpoint_id = d.endpoint_id
                                    and (s.expires_at is null or s.expires_at > $1) order by s.created_at desc) as secrets""")
                .execute(Tuple.of(at, leaseEnd, settings.batchSize())))
                .await().atMost(QUERY_WAIT)) {
            claimed.add(new Claimed(row.getUUID("delivery_id"), row.getUUID("endpoint_id"), row.getUUID("event_id"),
                    row.getString("payload"), row.getInteger("attempts"), row.getString("url"),
                    List.of(row.getArrayOfStrings("secrets"))));
        }
        return claimed;
    }

    private void attempt(Claimed delivery) {
        Instant started = clock.instant();
        Outcome outcome = send(delivery);
        (outcome.delivered() ? delivered : failed).increment();
        Instant now = clock.instant();
        Instant failingSince = record(delivery, outcome, started, now);
        if (failingSince != null && !failingSince.isAfter(now.minus(settings.disableAfter()))) {
            disable(delivery.endpointId(), now);
        }
    }

    private Outcome send(Claimed delivery) {
        long started = System.nanoTime();
        try {
            URI url = URI.create(delivery.url());
            if (addresses.refused(url).isPresent()) {
                // registered with a public address, its name now resolves into the service's own network: not sent
                return new Outcome(null, "ADDRESS_REFUSED", millisSince(started));
            }
            List<String> signing = delivery.secrets().stream()
                    .map(stored -> secrets.open(delivery.endpointId(), stored)).toList();
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(settings.timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "oneonone-webhooks/1.0")
                    .header("webhook-id", delivery.eventId().toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatures.sign(signing,
                            delivery.eventId().toString(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP_STATUS", millisSince(started));
        } catch (IllegalStateException e) { // a sealed secret that does not open: another key configured
            LOG.errorf("Webhook delivery %s not sent: %s", delivery.deliveryId(), e.getMessage());
            return new Outcome(null, "SECRET_ERROR", millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "TIMEOUT", millisSince(started));
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, "CONNECTION", millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "CONNECTION", millisSince(started));
        }
    }

    /**
     * Records the attempt as made when it started (the next one is due a retry interval after it ended); answers since
     * when the endpoint has been failing (null when it answered).
     */
    private Instant record(Claimed delivery, Outcome outcome, Instant started, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime attemptedAt = started.atOffset(ZoneOffset.UTC);
        int attempts = delivery.attempts() + 1;
        List<Duration> schedule = settings.retrySchedule();
        String status = outcome.delivered() ? "DELIVERED" : attempts > schedule.size() ? "FAILED" : "PENDING";
        OffsetDateTime next = "PENDING".equals(status) ? at.plus(schedule.get(attempts - 1)) : at;
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update webhook_delivery set status = $2, attempts = $3, next_attempt_at = $4,
                            delivered_at = case when $2 = 'DELIVERED' then $5 else delivered_at end
                        where delivery_id = $1 returning delivery_id""")
                .execute(Tuple.of(delivery.deliveryId(), status, attempts, next, at))
                .chain(updated -> {
                    if (updated.size() == 0) {
                        return Uni.createFrom().<Instant>nullItem(); // its endpoint was deleted meanwhile
                    }
                    return connection.preparedQuery("insert into webhook_attempt (delivery_id, attempted_at, status_code,"
                                    + " failure, duration_ms) values ($1, $2, $3, $4, $5)")
                            .execute(Tuple.of(delivery.deliveryId(), attemptedAt, outcome.statusCode(), outcome.failure(),
                                    outcome.durationMs()))
                            .chain(() -> connection.preparedQuery("update webhook_endpoint set failing_since ="
                                            + " case when $3 then null else coalesce(failing_since, $2) end"
                                            + " where endpoint_id = $1 returning failing_since")
                                    .execute(Tuple.of(delivery.endpointId(), attemptedAt, outcome.delivered())))
                            .map(rows -> rows.size() == 0 ? null
                                    : WebhookEndpoint.instant(rows.iterator().next(), "failing_since"));
                }))
                .await().atMost(QUERY_WAIT);
    }

    /** Disables the endpoint and records WebhookEndpointDisabled in one transaction, once. */
    private void disable(UUID endpointId, Instant now) {
        WebhookEndpointDisabled disabled = new WebhookEndpointDisabled(endpointId, now,
                WebhookDisableReason.DELIVERIES_FAILING);
        try {
            Boolean done = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("select organisation_id from webhook_endpoint"
                                    + " where endpoint_id = :id and enabled for update", String.class)
                            .setParameter("id", endpointId)
                            .getResultList()
                            .chain(organisations -> {
                                if (organisations.isEmpty()) {
                                    return Uni.createFrom().item(false);
                                }
                                String organisation = organisations.get(0);
                                return session.createNativeQuery("update webhook_endpoint set enabled = false,"
                                                + " disabled_at = :now, disabled_reason = :reason, updated_at = :now,"
                                                + " version = version + 1"
                                                + " where endpoint_id = :id")
                                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                                        .setParameter("reason", disabled.reason().name())
                                        .setParameter("id", endpointId)
                                        .executeUpdate()
                                        .chain(() -> events.load(organisation, endpointId))
                                        .chain(stream -> events.append(organisation, endpointId, stream.size(),
                                                List.of(disabled), now))
                                        .replaceWith(true);
                            }))));
            if (Boolean.TRUE.equals(done)) {
                disabledEndpoints.increment();
                LOG.warnf("Webhook endpoint %s disabled: its deliveries have failed since at least %s ago", endpointId,
                        settings.disableAfter());
            }
        } catch (Throwable e) {
            LOG.warnf(e, "Webhook endpoint %s could not be disabled now; the next failed attempt tries again", endpointId);
        }
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
