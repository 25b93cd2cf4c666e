package dev.oneonone.meetings.application.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.NotFoundException;
import dev.oneonone.meetings.application.RejectedCommandException;
import dev.oneonone.meetings.config.WebhookSettings;
import dev.oneonone.meetings.domain.Rejection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The use cases of an organisation's webhook endpoints (README "Webhooks"): register, list, read, change, delete,
 * rotate the secret. An endpoint is an access grant, not a fact of the 1:1s, so it is a row, never an event (as a
 * calendar feed). Every method is scoped to the caller's organisation: another organisation's endpoint is not found.
 */
@ApplicationScoped
public class WebhookEndpoints {
    private static final int MAX_TYPES = 100;

    /** The reason of a URL refused for its address (422, field {@code url}). */
    public static final String ADDRESS_NOT_PUBLIC = "address-not-public";

    private final Pool pool;
    private final Clock clock;
    private final WebhookSettings settings;
    private final WebhookAddresses addresses;
    private final WebhookSecrets secrets;

    public WebhookEndpoints(Pool pool, Clock clock, WebhookSettings settings, WebhookAddresses addresses,
            WebhookSecrets secrets) {
        this.pool = pool;
        this.clock = clock;
        this.settings = settings;
        this.addresses = addresses;
        this.secrets = secrets;
    }

    /** Runs {@code work} in one transaction (the writes below that take a connection, and an Idempotency-Key's). */
    public <T> Uni<T> transaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work::apply);
    }

    /**
     * The URL as stored, once it is checked: an absolute https URL (http too where {@code allow-http}) without user
     * info or fragment, whose host is not and does not resolve to an address of the service's own network
     * ({@link WebhookAddresses}). Null stays null. Resolves the host off the event loop.
     *
     * @throws InvalidInputException      (thrown) for a malformed URL or another scheme
     * @throws RejectedCommandException (as the Uni's failure) for an address that is not public, reason
     *                                    {@value #ADDRESS_NOT_PUBLIC}
     */
    public Uni<String> checkedUrl(String url) {
        if (url == null) {
            return Uni.createFrom().nullItem();
        }
        String checked = checkUrl(url);
        return Uni.createFrom().item(() -> addresses.refused(URI.create(checked)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(refused -> {
                    if (refused.isPresent()) {
                        throw new RejectedCommandException(Rejection.ofField("url", ADDRESS_NOT_PUBLIC, "The URL's host "
                                + "is or resolves to " + refused.get().getHostAddress() + ", an address of a private, "
                                + "loopback or link-local network; webhooks are sent to public addresses only."));
                    }
                    return checked;
                });
    }

    /** A new endpoint and its secret, answered this once (the service keeps it to sign). */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    /** The new secret and when the replaced one stops signing. */
    public record Rotated(String secret, Instant previousSecretExpiresAt) {
    }

    /**
     * A change; a null field stays as it is, except {@code description} when {@code descriptionGiven} (null clears
     * it), and {@code everyType} makes the endpoint receive every type again (its eventTypes null).
     * {@code enabled: true} also clears an automatic disabling.
     */
    public record Change(String url, String description, boolean descriptionGiven, List<String> eventTypes,
            boolean everyType, Boolean enabled) {
        /** Whether it gives nothing: then the endpoint keeps its version. */
        boolean isEmpty() {
            return url == null && !descriptionGiven && eventTypes == null && !everyType && enabled == null;
        }
    }

    /**
     * Registers an endpoint, enabled, with a new secret; it receives the events recorded from now on.
     *
     * @param checkedUrl the URL as {@link #checkedUrl} answered it
     * @throws InvalidInputException (thrown) for an event type not in the public contract
     */
    public Uni<Created> create(SqlConnection connection, String organisationId, String checkedUrl, String description,
            List<String> eventTypes) {
        String[] types = checkTypes(eventTypes);
        UUID id = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        OffsetDateTime now = now();
        return connection.preparedQuery("""
                        insert into webhook_endpoint (endpoint_id, organisation_id, url, description, event_types, enabled,
                                                      created_at, updated_at)
                        values ($1, $2, $3, $4, $5, true, $6, $6) returning """ + " " + WebhookEndpoint.COLUMNS)
                .execute(Tuple.from(new Object[] { id, organisationId, checkedUrl, description, types, now }))
                .chain(rows -> connection.preparedQuery(
                                "insert into webhook_secret (endpoint_id, secret, created_at) values ($1, $2, $3)")
                        .execute(Tuple.of(id, secrets.seal(id, secret), now))
                        .map(ignored -> new Created(WebhookEndpoint.of(rows.iterator().next()), secret)));
    }

    /** Up to {@code limit + 1} endpoints of the organisation by id, after {@code after} (null: from the first). */
    public Uni<List<WebhookEndpoint>> list(String organisationId, UUID after, int limit) {
        return pool.preparedQuery("select " + WebhookEndpoint.COLUMNS + " from webhook_endpoint"
                        + " where organisation_id = $1 and ($2::uuid is null or endpoint_id > $2) order by endpoint_id limit $3")
                .execute(Tuple.of(organisationId, after, limit + 1))
                .map(rows -> {
                    List<WebhookEndpoint> found = new ArrayList<>();
                    rows.forEach(row -> found.add(WebhookEndpoint.of(row)));
                    return found;
                });
    }

    /**
     * One endpoint of the organisation.
     *
     * @throws NotFoundException (as the Uni's failure) for an unknown id or another organisation's
     */
    public Uni<WebhookEndpoint> find(String organisationId, UUID endpointId) {
        return pool.preparedQuery("select " + WebhookEndpoint.COLUMNS + " from webhook_endpoint"
                        + " where endpoint_id = $1 and organisation_id = $2")
                .execute(Tuple.of(endpointId, organisationId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(endpointId);
                    }
                    return WebhookEndpoint.of(rows.iterator().next());
                });
    }

    /**
     * Changes the fields given, if the endpoint is still at {@code expectedVersion} (null: whatever its version), and
     * counts a version when a stored value changes; a change of nothing, or to the values it has, answers the endpoint
     * as it is, at its version. Enabling an endpoint the service disabled resumes its waiting deliveries at once.
     *
     * @param change      its url as {@link #checkedUrl} answered it, or null to keep it
     * @throws InvalidInputException            (thrown) for an event type not in the public contract
     * @throws NotFoundException                (as the Uni's failure) as {@link #find}
     * @throws WebhookEndpointChangedException (as the Uni's failure) when its version is no longer the expected one
     */
    public Uni<WebhookEndpoint> change(String organisationId, UUID endpointId, Integer expectedVersion, Change change) {
        String[] types = change.eventTypes() == null ? null : checkTypes(change.eventTypes());
        if (change.isEmpty()) {
            return find(organisationId, endpointId).invoke(found -> {
                if (expectedVersion != null && found.version() != expectedVersion) {
                    throw new WebhookEndpointChangedException(endpointId, expectedVersion);
                }
            });
        }
        OffsetDateTime now = now();
        // the new values; eventTypes equal as a set keep the stored array. The version and updated_at move only when
        // a stored value changes, so a change to what the endpoint already has is no new version.
        String newUrl = "coalesce($3, url)";
        String newDescription = "case when $10 then $4 else description end";
        String newTypes = "case when $9 then null when $5::text[] is null then event_types"
                + " when event_types @> $5::text[] and event_types <@ $5::text[] then event_types else $5::text[] end";
        String newEnabled = "coalesce($6, enabled)";
        String anyChange = "((url, description, event_types, enabled) is distinct from (" + newUrl + ", " + newDescription
                + ", " + newTypes + ", " + newEnabled + ")"
                + " or ($6 and failing_since is not null) or ($6 is not null and disabled_reason is not null))";
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update webhook_endpoint set
                            url = %s,
                            description = %s,
                            event_types = %s,
                            enabled = %s,
                            failing_since = case when $6 then null else failing_since end,
                            disabled_at = case when $6 then null when $6 = false then coalesce(disabled_at, $7) else disabled_at end,
                            disabled_reason = case when $6 is null then disabled_reason else null end,
                            updated_at = case when %s then $7 else updated_at end,
                            version = case when %s then version + 1 else version end
                        where endpoint_id = $1 and organisation_id = $2 and ($8::int is null or version = $8)
                        returning """.formatted(newUrl, newDescription, newTypes, newEnabled, anyChange, anyChange)
                        + " " + WebhookEndpoint.COLUMNS)
                .execute(Tuple.from(new Object[] { endpointId, organisationId, change.url(), change.description(), types,
                        change.enabled(), now, expectedVersion, change.everyType(), change.descriptionGiven() }))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return find(organisationId, endpointId).chain(found -> Uni.createFrom().failure(
                                new WebhookEndpointChangedException(endpointId, expectedVersion)));
                    }
                    WebhookEndpoint changed = WebhookEndpoint.of(rows.iterator().next());
                    return Boolean.TRUE.equals(change.enabled()) ? resume(connection, endpointId, now).replaceWith(changed)
                            : Uni.createFrom().item(changed);
                }));
    }

    /**
     * Deletes an endpoint with its secrets and delivery log; nothing more is sent to it.
     *
     * @throws NotFoundException (as the Uni's failure) as {@link #find}
     */
    public Uni<Void> delete(String organisationId, UUID endpointId) {
        return pool.preparedQuery("delete from webhook_endpoint where endpoint_id = $1 and organisation_id = $2")
                .execute(Tuple.of(endpointId, organisationId))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw notFound(endpointId);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Gives the endpoint a new secret. The secrets it had still sign beside it until {@code rotation-grace} (24 h)
     * from now, or until they expired already (a second rotation within the grace does not extend the first).
     *
     * @throws NotFoundException (as the Uni's failure) as {@link #find}
     */
    public Uni<Rotated> rotateSecret(SqlConnection connection, String organisationId, UUID endpointId) {
        String secret = WebhookSignatures.newSecret();
        OffsetDateTime now = now();
        OffsetDateTime until = now.plus(settings.rotationGrace());
        return connection.preparedQuery("select 1 from webhook_endpoint where endpoint_id = $1 and organisation_id = $2"
                        + " for update")
                .execute(Tuple.of(endpointId, organisationId))
                .chain(found -> found.size() == 0 ? Uni.createFrom().failure(notFound(endpointId))
                        : connection.preparedQuery("update webhook_secret set expires_at = least(coalesce(expires_at, $2), $2)"
                                        + " where endpoint_id = $1")
                                .execute(Tuple.of(endpointId, until)))
                .chain(() -> connection.preparedQuery(
                                "insert into webhook_secret (endpoint_id, secret, created_at) values ($1, $2, $3)")
                        .execute(Tuple.of(endpointId, secrets.seal(endpointId, secret), now)))
                .map(ignored -> new Rotated(secret, until.toInstant()));
    }

    private static Uni<Void> resume(SqlConnection connection, UUID endpointId, OffsetDateTime now) {
        return connection.preparedQuery("update webhook_delivery set next_attempt_at = $2"
                        + " where endpoint_id = $1 and status = 'PENDING' and next_attempt_at > $2")
                .execute(Tuple.of(endpointId, now))
                .replaceWithVoid();
    }

    private String checkUrl(String url) {
        if (url.isBlank()) {
            throw badUrl();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw badUrl();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && settings.allowHttp());
        if (!allowed || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw badUrl();
        }
        return uri.toString();
    }

    private InvalidInputException badUrl() {
        return new InvalidInputException("url", "must be an absolute " + (settings.allowHttp() ? "http or https" : "https")
                + " URL without user info or fragment");
    }

    private static String[] checkTypes(List<String> eventTypes) {
        if (eventTypes == null) {
            return null;
        }
        if (eventTypes.isEmpty() || eventTypes.size() > MAX_TYPES) {
            throw new InvalidInputException("eventTypes", "must name 1 to " + MAX_TYPES
                    + " event types, or be left out for every type");
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            if (eventTypes.get(i) == null || !PublicEventTypes.ALL.contains(eventTypes.get(i))) {
                throw new InvalidInputException("eventTypes[" + i + "]", "must be an event type of the public contract,"
                        + " such as oneonone.meetings.SeriesStarted");
            }
        }
        return new LinkedHashSet<>(eventTypes).toArray(String[]::new);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static NotFoundException notFound(UUID endpointId) {
        return new NotFoundException("No webhook endpoint " + endpointId);
    }
}
