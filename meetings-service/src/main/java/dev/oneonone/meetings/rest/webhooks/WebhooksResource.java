package dev.oneonone.meetings.rest.webhooks;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.application.webhooks.WebhookDeliveries;
import dev.oneonone.meetings.application.webhooks.WebhookDelivery;
import dev.oneonone.meetings.application.webhooks.WebhookEndpoints;
import dev.oneonone.meetings.rest.webhooks.WebhookRequests.ChangeEndpoint;
import dev.oneonone.meetings.rest.webhooks.WebhookRequests.CreateEndpoint;
import dev.oneonone.meetings.rest.webhooks.WebhookViews.DeliveryPage;
import dev.oneonone.meetings.rest.webhooks.WebhookViews.DeliveryView;
import dev.oneonone.meetings.rest.webhooks.WebhookViews.EndpointCreated;
import dev.oneonone.meetings.rest.webhooks.WebhookViews.EndpointPage;
import dev.oneonone.meetings.rest.webhooks.WebhookViews.EndpointView;
import dev.oneonone.meetings.rest.webhooks.WebhookViews.SecretRotated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Webhook subscriptions of an organisation's integration (Standard Webhooks; README "Webhooks"): endpoints with a
 * filter of event types, their secrets, their delivery log and redelivery. Integration role only (403 for every
 * other role); another organisation's endpoint answers 404 like an unknown one. What is delivered, how it is signed
 * and retried is the {@code webhooks} section of this document.
 */
@Path("/webhooks/endpoints")
@Tag(name = "Webhooks", description = "Signed HTTP callbacks of the suite's events (Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.INTEGRATION)
public class WebhooksResource {
    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String ONLY_INTEGRATION = "Only an integration manages webhooks";
    private static final String NO_ENDPOINT = "No such endpoint in the caller's organisation";
    private static final String KEY_DESCRIPTION = "Makes retries safe: the same key and request answer the first answer "
            + "again (Idempotent-Replayed: true) and change nothing; the same key with another request is refused (422).";
    private static final String KEY_REUSED = "The Idempotency-Key was used for another request (idempotency-key-reused)";
    private static final String VERSION_DESCRIPTION = "The version of the endpoint the caller last read (its ETag), "
            + "e.g. \"3\"; left out, the change applies to whatever version it is at";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final IdempotentCreates idempotent;
    private final JsonWebToken token;

    public WebhooksResource(WebhookEndpoints endpoints, WebhookDeliveries deliveries, IdempotentCreates idempotent,
            JsonWebToken token) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.idempotent = idempotent;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = "The endpoint receives, signed, every event of the organisation recorded from now on whose type "
                    + "it subscribes to (all when eventTypes is left out). The answer carries the signing secret, shown "
                    + "only this once. The URL's host must not be, nor resolve to, a loopback, link-local, private (RFC "
                    + "1918, RFC 4193), unspecified or multicast address (checked again before every attempt).")
    @APIResponse(responseCode = "201", description = "Endpoint registered, with its secret; its version in the ETag",
            content = @Content(schema = @Schema(implementation = EndpointCreated.class)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "400", description = "Invalid input, field by field: a URL that is not https, an event "
            + "type not in the public contract, a malformed Idempotency-Key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The URL's host is or resolves to an address of a private, loopback "
            + "or link-local network (address-not-public, field url); or " + KEY_REUSED,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "private address", value = ADDRESS_EXAMPLE)))
    public Uni<Response> createWebhookEndpoint(
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull CreateEndpoint request) {
        Caller caller = Caller.of(token);
        return endpoints.checkedUrl(request.url()).chain(url -> endpoints.transaction(connection -> idempotent.once(
                connection, caller, idempotencyKey, "POST /webhooks/endpoints", request,
                () -> endpoints.create(connection, caller.organisationId(), url, request.description(), request.eventTypes())
                        .map(created -> Response.created(URI.create("/webhooks/endpoints/" + created.endpoint().endpointId()))
                                .tag(Versions.tag(created.endpoint().version()))
                                .entity(new EndpointCreated(EndpointView.of(created.endpoint()), created.secret())).build()))));
    }

    static final String DELIVERIES_EXAMPLE = """
            {"items":[{"id":"9a0b6c2e-4f1d-4e8a-b3c7-2d5e8f1a0b9c","eventId":"5d2f7a13-8c4b-4e6f-a1d9-3b7c0e2f4a68",
              "eventType":"oneonone.meetings.MeetingScheduled","aggregateId":"c41f0a2b-6d3e-4b8f-9a7c-1e5d2f8b0c36",
              "status":"PENDING","nextAttemptAt":"2026-11-30T09:10:20Z","createdAt":"2026-11-30T09:05:00Z",
              "deliveredAt":null,"attempts":[
               {"attemptedAt":"2026-11-30T09:05:00Z","failure":"TIMEOUT","durationMs":15000},
               {"attemptedAt":"2026-11-30T09:05:20Z","statusCode":503,"failure":"HTTP_STATUS","durationMs":87}]}],
             "next":null}""";
    static final String ADDRESS_EXAMPLE = """
            {"type":"https://oneonone.dev/problems/address-not-public","title":"Refused by a domain rule","status":422,
             "detail":"The URL's host is or resolves to 10.0.0.7, an address of a private, loopback or link-local network; webhooks are sent to public addresses only.",
             "instance":"/webhooks/endpoints",
             "errors":[{"field":"url","message":"The URL's host is or resolves to 10.0.0.7, an address of a private, loopback or link-local network; webhooks are sent to public addresses only.","reason":"invalid-value"}]}""";

    @GET
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints",
            description = "The organisation's endpoints by id, without secrets. Cursor paging: pass 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EndpointPage.class)))
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<EndpointPage> listWebhookEndpoints(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit")
            @DefaultValue(Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        return endpoints.list(organisation(), Paging.afterId(after), limit).map(rows -> {
            Paging.Page<EndpointView> page = Paging.keyed(rows, limit, EndpointView::of,
                    row -> row.endpointId().toString());
            return new EndpointPage(page.items(), page.next());
        });
    }

    @GET
    @Path("/{endpoint}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Read a webhook endpoint",
            description = "Without its secret. Its version is in the ETag.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EndpointView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_ENDPOINT,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> getWebhookEndpoint(@PathParam("endpoint") UUID endpoint) {
        return endpoints.find(organisation(), endpoint).map(WebhooksResource::withVersion);
    }

    @PATCH
    @Path("/{endpoint}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeWebhookEndpoint", summary = "Change a webhook endpoint",
            description = "Changes the fields given (url, description, eventTypes, enabled); the others stay, and a body "
                    + "that gives none changes nothing (the version stays). eventTypes: null receives every type again, "
                    + "as an endpoint registered without eventTypes; [] is refused. enabled: "
                    + "false stops sending: the deliveries recorded wait, and none is recorded for the events meanwhile; "
                    + "enabled: true sends the waiting ones at once, also after the service disabled the endpoint for "
                    + "failing (WebhookEndpointDisabled). Send the version in If-Match to be sure nobody changed it "
                    + "meanwhile. A new url is checked as on registration. description: null clears it; url and enabled "
                    + "cannot be null (400). The version counts only changes of what is stored: giving the values the "
                    + "endpoint has already (eventTypes compared as a set, repeats dropped) keeps it.")
    @APIResponse(responseCode = "200", description = "The endpoint as it is now, its version in the ETag",
            content = @Content(schema = @Schema(implementation = EndpointView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field (also a malformed If-Match: "
            + "not-an-entity-tag)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_ENDPOINT,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The endpoint changed since the version in If-Match "
            + "(version-conflict): read it again and retry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The new URL's host is or resolves to an address of a private, "
            + "loopback or link-local network (address-not-public, field url)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "private address", value = ADDRESS_EXAMPLE)))
    public Uni<Response> changeWebhookEndpoint(@PathParam("endpoint") UUID endpoint,
            @Parameter(description = VERSION_DESCRIPTION) @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull ChangeEndpoint request) {
        Integer expectedVersion = Versions.intFromIfMatch(ifMatch);
        if (!request.nullsRefused().isEmpty()) {
            throw new InvalidInputException(request.nullsRefused().stream()
                    .map(field -> new Problem.FieldError(field, "must not be null; leave it out to keep it")).toList());
        }
        return endpoints.checkedUrl(request.url()).chain(url -> endpoints.change(organisation(), endpoint,
                expectedVersion, new WebhookEndpoints.Change(url, request.description(), request.descriptionGiven(),
                        request.eventTypes(), request.eventTypesGiven() && request.eventTypes() == null,
                        request.enabled())))
                .map(WebhooksResource::withVersion);
    }

    private static Response withVersion(dev.oneonone.meetings.application.webhooks.WebhookEndpoint endpoint) {
        return Response.ok(EndpointView.of(endpoint)).tag(Versions.tag(endpoint.version())).build();
    }

    @DELETE
    @Path("/{endpoint}")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "Nothing more is sent to it; its secrets and delivery log are deleted with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_ENDPOINT,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deleteWebhookEndpoint(@PathParam("endpoint") UUID endpoint) {
        return endpoints.delete(organisation(), endpoint).map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("/{endpoint}/secret/rotate")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook endpoint's secret",
            description = "Answers a new secret, shown only this once. Deliveries are signed with both the new and the "
                    + "previous secret (two signatures in webhook-signature) until previousSecretExpiresAt (24 h), so "
                    + "the receiver can switch without losing any. With an Idempotency-Key, a retry answers the same "
                    + "secret and rotates nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SecretRotated.class)))
    @APIResponse(responseCode = "400", description = "A malformed Idempotency-Key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = KEY_REUSED,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_ENDPOINT,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> rotateWebhookSecret(@PathParam("endpoint") UUID endpoint,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        Caller caller = Caller.of(token);
        return endpoints.transaction(connection -> idempotent.once(connection, caller, idempotencyKey,
                "POST /webhooks/endpoints/" + endpoint + "/secret/rotate", endpoint,
                () -> endpoints.rotateSecret(connection, caller.organisationId(), endpoint)
                        .map(rotated -> Response.ok(new SecretRotated(rotated.secret(), rotated.previousSecretExpiresAt()))
                                .build())));
    }

    @GET
    @Path("/{endpoint}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's deliveries",
            description = "The delivery log, newest first: each event sent or to send to the endpoint with its status "
                    + "and every attempt (time, status code, failure, duration), no bodies. Cursor paging.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryPage.class),
            examples = @ExampleObject(name = "retrying", value = DELIVERIES_EXAMPLE)))
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_ENDPOINT,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<DeliveryPage> listWebhookDeliveries(@PathParam("endpoint") UUID endpoint,
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit")
            @DefaultValue(Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String after) {
        Long before = after == null || after.isBlank() ? null : Paging.after(after);
        return deliveries.log(organisation(), endpoint, before, limit).map(rows -> {
            Paging.Page<DeliveryView> page = Paging.of(rows, limit, DeliveryView::of, WebhookDelivery::position);
            return new DeliveryPage(page.items(), page.next());
        });
    }

    @POST
    @Path("/{endpoint}/deliveries/{delivery}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Whatever became of it (delivered, failed, pending), the delivery is due at once with a fresh "
                    + "retry schedule and the same webhook-id; it keeps its place in its aggregate's order. With an "
                    + "Idempotency-Key, a retry answers the first answer again and sends nothing more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "A malformed Idempotency-Key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = KEY_REUSED,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ONLY_INTEGRATION,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint in the caller's organisation, or no such "
            + "delivery of it", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> redeliverWebhook(@PathParam("endpoint") UUID endpoint,
            @PathParam("delivery") UUID delivery,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        Caller caller = Caller.of(token);
        return endpoints.transaction(connection -> idempotent.once(connection, caller, idempotencyKey,
                "POST /webhooks/endpoints/" + endpoint + "/deliveries/" + delivery + "/redeliver", delivery,
                () -> deliveries.redeliver(connection, caller.organisationId(), endpoint, delivery)
                        .map(redelivered -> Response.ok(DeliveryView.of(redelivered)).build())));
    }

    private String organisation() {
        return Caller.of(token).organisationId();
    }
}
