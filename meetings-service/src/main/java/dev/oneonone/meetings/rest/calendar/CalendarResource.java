package dev.oneonone.meetings.rest.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.application.calendar.CalendarFeeds;
import dev.oneonone.meetings.application.calendar.FeedSecrets;
import dev.oneonone.meetings.projection.PersonOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.rest.SeriesResource;
import dev.oneonone.meetings.rest.calendar.CalendarFeedRequests.CreateFeedRequest;
import dev.oneonone.meetings.rest.calendar.CalendarFeedRequests.FeedCreated;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import dev.oneonone.kit.rest.AnyQueryParameters;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

/**
 * iCalendar feeds: calendars subscribe to a URL and cannot send a bearer token, so the URL carries an unguessable
 * secret instead. Creating and revoking a feed needs a token; reading it needs only the secret.
 */
@Path("/calendar/feeds")
@Tag(name = "Calendar", description = "iCalendar (RFC 5545) feeds of a person's or a series' 1:1s")
public class CalendarResource {
    private static final String PROBLEM = "application/problem+json";
    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final JsonWebToken token;
    private final CalendarFeeds feeds;
    private final Optional<String> publicBaseUrl;
    private final Duration refreshInterval;
    private final java.time.Clock clock;

    @Context
    UriInfo uriInfo;
    @Context
    Request request;

    /**
     * @param publicBaseUrl   {@code meetings.calendar.public-base-url}: where calendars reach this service (e.g.
     *                        {@code https://meetings.example.com}); unset, the base URL of the request that creates the
     *                        feed (behind a proxy with {@code quarkus.http.proxy.*} forwarding on, as the client saw it)
     * @param refreshInterval {@code meetings.calendar.refresh-interval}: the refresh hint the feed carries
     * @param clock           the service's clock (a Last-Modified in the current second is sent one second earlier)
     */
    public CalendarResource(JsonWebToken token, CalendarFeeds feeds, java.time.Clock clock,
            @ConfigProperty(name = "meetings.calendar.public-base-url") Optional<String> publicBaseUrl,
            @ConfigProperty(name = "meetings.calendar.refresh-interval", defaultValue = "PT1H") Duration refreshInterval) {
        this.token = token;
        this.feeds = feeds;
        this.publicBaseUrl = publicBaseUrl;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCalendarFeed", summary = "Create a calendar feed",
            description = "A person creates a feed of all their series ({}) or of one series they take part in "
                    + "({\"seriesId\"}); an integration creates one for a person of its organisation ({\"personId\"}) or "
                    + "for a series of it ({\"seriesId\"}). The answer's url carries the feed's secret, shown only once; "
                    + "only a SHA-256 hash of it is stored.")
    @APIResponse(responseCode = "201", description = "Feed created", content = @Content(schema = @Schema(implementation = FeedCreated.class)))
    @APIResponse(responseCode = "400", description = "An integration naming neither a person nor a series, or naming both",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A person asking for someone else's feed, or a role that cannot have feeds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series (or person) in this organisation, not one the caller takes part in, "
            + "or its person (a person of its series) is past their last day: a feed of a leaver answers 404 anyway",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithTransaction
    public Uni<Response> create(CreateFeedRequest body) {
        Caller caller = Caller.of(token);
        CreateFeedRequest request = body == null ? new CreateFeedRequest(null, null) : body;
        if (request.seriesId() != null && request.personId() != null) {
            throw new InvalidInputException("personId", "name either a series or a person, not both");
        }
        boolean integration = caller.is(Caller.INTEGRATION);
        String organisation = caller.organisationId();
        Uni<CalendarFeeds.Created> created;
        if (request.seriesId() != null) {
            created = SeriesResource.findVisibleSeries(caller, request.seriesId())
                    .chain(series -> feeds.create(organisation, integration ? null : caller.personId(), series.seriesId));
        } else if (integration) {
            if (request.personId() == null) {
                throw new InvalidInputException("personId", "an integration names the person (or the series) of the feed");
            }
            created = personOfOrganisation(organisation, request.personId())
                    .chain(known -> feeds.create(organisation, request.personId(), null));
        } else {
            UUID self = caller.personId();
            if (self == null || (request.personId() != null && !request.personId().equals(self))) {
                throw new ForbiddenException("A person creates calendar feeds only for themselves");
            }
            created = feeds.create(organisation, self, null);
        }
        String base = publicBaseUrl.map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> uriInfo.getBaseUri().toString().replaceAll("/+$", ""));
        return created.map(feed -> Response.status(Response.Status.CREATED)
                .entity(new FeedCreated(feed.feedId(), base + "/calendar/feeds/" + feed.secret() + ".ics")).build());
    }

    @DELETE
    @Path("/{feedId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed", description = "Its URL answers 404 from now on. Revoking again changes nothing. "
            + "The person who created it, a person of its series, or an integration of the organisation may revoke it.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such feed in this organisation, or not one of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Caller.PERSON, Caller.INTEGRATION })
    @WithTransaction
    public Uni<Response> revoke(@PathParam("feedId") UUID feedId) {
        return feeds.revoke(Caller.of(token), feedId).map(revoked -> Response.noContent().build());
    }

    @GET
    @Path("/{secret}.ics")
    @Produces({ TEXT_CALENDAR, PROBLEM })
    @SecurityRequirementsSet
    @Operation(operationId = "getCalendarFeed", summary = "Read a calendar feed (no token: the secret in the URL is the credential)",
            description = "An iCalendar (RFC 5545) document: one VEVENT per meeting (UID <meetingId>@oneonone, SEQUENCE counts its "
                    + "moves, STATUS CONFIRMED or CANCELLED) and, per active series with a preferred slot, one recurring VEVENT "
                    + "per cadence it had (in phase with the cadence change's anchor), without the slots a real meeting covers "
                    + "or a pause holds. Every TZID has its VTIMEZONE. Answers conditional requests: send the ETag back in "
                    + "If-None-Match (or Last-Modified in If-Modified-Since) and get 304 while nothing changed. The calendar "
                    + "carries REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL as a refresh hint.")
    @APIResponse(responseCode = "200", description = "The calendar", content = @Content(mediaType = TEXT_CALENDAR,
            schema = @Schema(type = SchemaType.STRING)),
            headers = { @Header(name = "ETag", description = "Version of the feed's contents (a strong validator)",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "When the feed's series or meetings last changed (HTTP date)",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "private, no-cache: revalidate each time",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Robots-Tag", description = "noindex: the feed's secret URL is not for search engines",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "noindex")) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match (or the date in If-Modified-Since)",
            headers = { @Header(name = "ETag", description = "Version of the feed's contents", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "When the feed last changed", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "private, no-cache", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Robots-Tag", description = "noindex", schema = @Schema(type = SchemaType.STRING, enumeration = "noindex")) })
    @APIResponse(responseCode = "404", description = "Unknown or revoked feed, or the feed of a leaver or of a leaver's series from the day after their last day",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @PermitAll
    @WithSession
    @AnyQueryParameters // calendar clients add cache-busting parameters of their own to a subscribed URL
    public Uni<Response> read(@Parameter(description = "The feed's secret") @PathParam("secret") String secret,
            @Parameter(description = "ETags of this feed read before (a list; the weak form W/\"...\" matches too, or *); "
                    + "304 while one still matches", example = "\"q3V0m1bX2s8d9kPz7YhL0c\"")
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Parameter(description = "The Last-Modified read before (HTTP date); 304 while nothing changed since. "
                    + "Ignored when If-None-Match is sent, or when not a valid HTTP-date.", example = "Tue, 24 Nov 2026 09:00:00 GMT")
            @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        if (!FeedSecrets.wellFormed(secret)) {
            throw new NotFoundException("No calendar feed at this address");
        }
        return feeds.subscription(secret).chain(subscription -> {
            EntityTag tag = new EntityTag(version(subscription.series()));
            Instant modified = lastModified(subscription).truncatedTo(ChronoUnit.SECONDS);
            Instant shown = shownLastModified(modified, clock.instant());
            // If-None-Match compares weakly and takes a list (RFC 9110 13.1.2); If-Modified-Since counts only without
            // it (RFC 9110 13.2.2), and only as a valid date (13.1.3: an invalid one is ignored)
            Response.ResponseBuilder unchanged = ifNoneMatch != null
                    ? (IfNoneMatch.matches(ifNoneMatch, tag.getValue()) ? Response.notModified() : null)
                    : notModifiedSince(modified, ifModifiedSince);
            if (unchanged != null) {
                return Uni.createFrom().item(cacheHeaders(unchanged, tag, shown).build());
            }
            return feeds.contents(subscription.series())
                    .map(contents -> ICalendarFeed.render(contents, modified, refreshInterval))
                    .map(text -> cacheHeaders(Response.ok(text, TEXT_CALENDAR), tag, shown).build());
        });
    }

    private static Response.ResponseBuilder cacheHeaders(Response.ResponseBuilder response, EntityTag tag, Instant modified) {
        return response.tag(tag).lastModified(Date.from(modified))
                .header("Cache-Control", "private, no-cache")
                .header("X-Robots-Tag", "noindex");
    }

    /**
     * The Last-Modified to send for a last change at {@code modified} (truncated to seconds) answered at {@code now}:
     * HTTP dates have whole seconds, so a Last-Modified in the current second is not yet reliable (another change may
     * follow in the same second, and {@code If-Modified-Since} would then answer 304 for it). It is sent one second
     * earlier: the next conditional request gets the feed once more, and from then on the exact date and 304s.
     */
    static Instant shownLastModified(Instant modified, Instant now) {
        return modified.isBefore(now.truncatedTo(ChronoUnit.SECONDS)) ? modified : modified.minusSeconds(1);
    }

    /** 304 when If-Modified-Since is a valid HTTP-date not before {@code modified}; null otherwise, also when malformed. */
    private static Response.ResponseBuilder notModifiedSince(Instant modified, String ifModifiedSince) {
        Instant since = httpDate(ifModifiedSince);
        return since != null && !modified.isAfter(since) ? Response.notModified() : null;
    }

    /**
     * An HTTP-date in any of the three forms a recipient accepts (RFC 9110 5.6.7: IMF-fixdate, RFC 850, asctime); null
     * when absent or not a valid date, which a recipient ignores (13.1.3) rather than refusing the request.
     */
    private static Instant httpDate(String value) {
        if (value != null) {
            for (DateTimeFormatter format : HTTP_DATES) {
                try {
                    return format.parse(value.trim(), Instant::from);
                } catch (DateTimeException invalid) {
                    // try the next form
                }
            }
        }
        return null;
    }

    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-uu HH:mm:ss 'GMT'", Locale.US)
                    .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US)
                    .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC));

    /** A digest of what the feed is rendered from: each series' id and version (meetings count in it), and the format. */
    private String version(List<SeriesOverview> series) {
        StringBuilder basis = new StringBuilder(ICalendarFeed.FORMAT).append('|').append(refreshInterval);
        series.stream().sorted(Comparator.comparing(one -> one.seriesId))
                .forEach(one -> basis.append('|').append(one.seriesId).append(':').append(one.version).append(':').append(one.status));
        return FeedSecrets.hash(basis.toString()).substring(0, 32);
    }

    /** When the latest of the feed's series changed; the feed's creation for series older than that record, or none. */
    private static Instant lastModified(CalendarFeeds.Subscription subscription) {
        Instant latest = subscription.feed().createdAt;
        for (SeriesOverview one : subscription.series()) {
            if (one.changedAt != null && one.changedAt.isAfter(latest)) {
                latest = one.changedAt;
            }
        }
        return latest;
    }

    /** A person of the organisation: in its directory, or one of the two people of one of its series. */
    private static Uni<Boolean> personOfOrganisation(String organisationId, UUID personId) {
        return PersonOverview.count("personId = ?1 and organisationId = ?2", personId, organisationId)
                .chain(inDirectory -> inDirectory > 0 ? Uni.createFrom().item(0L)
                        : SeriesOverview.count("organisationId = ?1 and (leaderId = ?2 or companionId = ?2)",
                                organisationId, personId).map(inSeries -> inSeries > 0 ? 0L : -1L))
                .map(found -> {
                    if (found < 0) {
                        throw new NotFoundException("No person " + personId);
                    }
                    return true;
                });
    }
}
