package dev.oneonone.meetings.application.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.oneonone.kit.security.Caller;
import dev.oneonone.kit.security.LeaverCheck;
import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.projection.SeriesPause;
import dev.oneonone.meetings.projection.SeriesRhythm;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.kit.problem.NotFoundException;

/**
 * The use cases of calendar feeds (README "Calendar"): a feed is an access grant, not a fact of the 1:1s, so it
 * is a row of {@code calendar_feed} and never an event. Creating one answers its secret once and stores only its
 * SHA-256; revoking one, or the day after its person's (or a series' person's) last day, makes its URL answer 404 (as an unknown one).
 */
@ApplicationScoped
public class CalendarFeeds {
    private static final String NO_FEED_HERE = "No calendar feed at this address";
    private static final String NO_FEED_FOR_LEAVERS = "No calendar feed of a person past their last day";

    private final Clock clock;
    private final LeaverCheck leavers;

    public CalendarFeeds(Clock clock, LeaverCheck leavers) {
        this.clock = clock;
        this.leavers = leavers;
    }

    /** A new feed and its secret (32 random bytes, URL-safe base64), shown this once and never stored. */
    public record Created(UUID feedId, String secret) {
    }

    /** A feed and the series it covers now (cheap: enough to tell whether it changed). */
    public record Subscription(CalendarFeed feed, List<SeriesOverview> series) {
    }

    /**
     * What a feed shows: its series, and by series id their meetings (oldest first), pauses and rhythms (cadences
     * with the day they took effect, in the order recorded).
     */
    public record Contents(List<SeriesOverview> series, Map<UUID, List<MeetingOverview>> meetings,
            Map<UUID, List<SeriesPause>> pauses, Map<UUID, List<SeriesRhythm>> rhythms) {
    }

    /**
     * Creates a feed of a person's series ({@code seriesId} null) or of one series; the caller has checked that
     * they may. {@code personId} is the person whose series it covers, or who created a series feed (or null).
     *
     * @throws NotFoundException (as the Uni's failure) when the feed would already answer 404: its person, or a person
     *                           of its series, is past their last day
     */
    @WithTransaction
    public Uni<Created> create(String organisationId, UUID personId, UUID seriesId) {
        Uni<Void> notForLeavers = refuseLeaver(organisationId, personId, NO_FEED_FOR_LEAVERS);
        if (seriesId != null) {
            notForLeavers = notForLeavers.chain(() -> SeriesOverview.<SeriesOverview>list(
                    "seriesId = ?1 and organisationId = ?2", seriesId, organisationId))
                    .chain(series -> refuseLeaversOf(series, NO_FEED_FOR_LEAVERS));
        }
        return notForLeavers.chain(() -> persistNew(organisationId, personId, seriesId));
    }

    private Uni<Created> persistNew(String organisationId, UUID personId, UUID seriesId) {
        String secret = FeedSecrets.newSecret();
        CalendarFeed feed = new CalendarFeed();
        feed.feedId = UUID.randomUUID();
        feed.organisationId = organisationId;
        feed.personId = personId;
        feed.seriesId = seriesId;
        feed.createdAt = clock.instant();
        feed.secretSha256 = FeedSecrets.hash(secret);
        return feed.persist().map(stored -> new Created(feed.feedId, secret));
    }

    /**
     * Revokes a feed; revoking again changes nothing. An integration may revoke any feed of its organisation, a
     * person their own or one of a series they take part in.
     *
     * @throws NotFoundException (as the Uni's failure) for a feed of another organisation or not the caller's
     */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID feedId) {
        return CalendarFeed.<CalendarFeed>find("feedId = ?1 and organisationId = ?2", feedId, caller.organisationId())
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No calendar feed " + feedId))
                .call(feed -> mayRevoke(caller, feed).invoke(allowed -> {
                    if (!allowed) {
                        throw new NotFoundException("No calendar feed " + feedId);
                    }
                }))
                .invoke(feed -> {
                    if (feed.revokedAt == null) {
                        feed.revokedAt = clock.instant();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The feed with this secret and the series it covers, as they are now.
     *
     * @throws NotFoundException (as the Uni's failure) for an unknown or revoked secret, or from the day after the
     *                           last day of the feed's person or of either person of the feed's series
     */
    @WithSession
    public Uni<Subscription> subscription(String secret) {
        return CalendarFeed.<CalendarFeed>find("secretSha256 = ?1 and revokedAt is null", FeedSecrets.hash(secret))
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException(NO_FEED_HERE))
                .call(feed -> refuseLeaver(feed.organisationId, feed.personId, NO_FEED_HERE))
                .chain(feed -> seriesOf(feed)
                        .call(series -> feed.seriesId == null ? Uni.createFrom().voidItem() : refuseLeaversOf(series, NO_FEED_HERE))
                        .map(series -> new Subscription(feed, series)));
    }

    /** Everything the feed of these series shows. */
    @WithSession
    public Uni<Contents> contents(List<SeriesOverview> series) {
        if (series.isEmpty()) {
            return Uni.createFrom().item(new Contents(series, Map.of(), Map.of(), Map.of()));
        }
        List<UUID> ids = series.stream().map(one -> one.seriesId).toList();
        return MeetingOverview.<MeetingOverview>list("seriesId in ?1 order by scheduledFor, meetingId", ids)
                .chain(meetings -> SeriesPause.<SeriesPause>list("seriesId in ?1 order by fromDay", ids)
                        .chain(pauses -> SeriesRhythm.<SeriesRhythm>list(
                                        "seriesId in ?1 order by effectiveOn, recordedVersion", ids)
                                .map(rhythms -> new Contents(series, bySeries(meetings, m -> m.seriesId),
                                        bySeries(pauses, p -> p.seriesId), bySeries(rhythms, r -> r.seriesId)))));
    }

    private static <T> Map<UUID, List<T>> bySeries(List<T> rows, java.util.function.Function<T, UUID> series) {
        return rows.stream().collect(Collectors.groupingBy(series));
    }

    /** A feed of a leaver stops working from the day after their last day, without anyone having to revoke it. */
    private Uni<Void> refuseLeaver(String organisationId, UUID personId, String detail) {
        if (personId == null) {
            return Uni.createFrom().voidItem();
        }
        return leavers.hasLeft(organisationId, personId).invoke(left -> {
            if (left) {
                throw new NotFoundException(detail);
            }
        }).replaceWithVoid();
    }

    /** So does the feed of a series one of whose two people has left. */
    private Uni<Void> refuseLeaversOf(List<SeriesOverview> series, String detail) {
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (SeriesOverview one : series) {
            checks = checks.chain(() -> refuseLeaver(one.organisationId, one.leaderId, detail))
                    .chain(() -> refuseLeaver(one.organisationId, one.companionId, detail));
        }
        return checks;
    }

    private static Uni<Boolean> mayRevoke(Caller caller, CalendarFeed feed) {
        if (caller.is(Caller.INTEGRATION)) {
            return Uni.createFrom().item(true);
        }
        UUID person = caller.personId();
        if (person == null) {
            return Uni.createFrom().item(false);
        }
        if (person.equals(feed.personId)) {
            return Uni.createFrom().item(true);
        }
        if (feed.seriesId == null) {
            return Uni.createFrom().item(false);
        }
        return SeriesOverview.<SeriesOverview>find("seriesId = ?1 and organisationId = ?2", feed.seriesId, feed.organisationId)
                .firstResult().map(series -> series != null && caller.takesPartIn(series.leaderId, series.companionId));
    }

    private static Uni<List<SeriesOverview>> seriesOf(CalendarFeed feed) {
        if (feed.seriesId != null) {
            return SeriesOverview.list("seriesId = ?1 and organisationId = ?2", feed.seriesId, feed.organisationId);
        }
        return SeriesOverview.list("organisationId = ?1 and (leaderId = ?2 or companionId = ?2) order by startsOn, seriesId",
                feed.organisationId, feed.personId);
    }
}
