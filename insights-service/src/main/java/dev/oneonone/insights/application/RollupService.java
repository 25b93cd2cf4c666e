package dev.oneonone.insights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.oneonone.insights.config.InsightsConfig;
import dev.oneonone.insights.config.PrivacyRules;
import dev.oneonone.insights.config.RollupRules;
import dev.oneonone.insights.domain.directory.DirectoryHistory;
import dev.oneonone.insights.domain.rollup.OrganisationSnapshot;
import dev.oneonone.insights.domain.rollup.Rollup;
import dev.oneonone.insights.domain.rollup.RollupCalculator;
import dev.oneonone.insights.domain.rollup.Scope;
import dev.oneonone.insights.domain.rollup.TrendPoint;
import dev.oneonone.insights.domain.rollup.Visibility;
import dev.oneonone.insights.projection.DirectoryHistoryReader;
import dev.oneonone.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rollups' use cases: builds (and caches) an organisation's snapshot for a date from the
 * directory history and the series figures, decides what the caller may see, and rolls up.
 */
@ApplicationScoped
public class RollupService {
    private record DateKey(String organisationId, LocalDate date, int weeks) {
    }

    private final SeriesFiguresService figures;
    private final InsightsConfig.OrganisationTimeZone timeZones;
    private final DirectoryHistoryReader directoryReader;
    private final Pool client;
    private final RollupRules rules;
    private final RollupCalculator calculator;
    private final SnapshotCache<DateKey, OrganisationSnapshot> snapshots;
    private final SnapshotCache<DateKey, List<OrganisationSnapshot>> trends;
    private final SnapshotCache<String, DirectoryHistory> directories;

    public RollupService(SeriesFiguresService figures, DirectoryHistoryReader directoryReader, Pool client,
            RollupRules rules, PrivacyRules privacy,
            InsightsConfig.OrganisationTimeZone timeZones, Clock clock) {
        this.figures = figures;
        this.timeZones = timeZones;
        this.directoryReader = directoryReader;
        this.client = client;
        this.rules = rules;
        this.calculator = new RollupCalculator(privacy.minGroupSize(), rules.lowFollowThroughBelow(),
                rules.lowFollowThroughMinDue());
        this.snapshots = new SnapshotCache<>(rules.cacheEntries(), rules.cacheTtl(), clock);
        this.trends = new SnapshotCache<>(Math.max(2, rules.cacheEntries() / 8), rules.cacheTtl(), clock);
        this.directories = new SnapshotCache<>(Math.max(4, rules.cacheEntries() / 8), rules.cacheTtl(), clock);
    }

    public RollupCalculator calculator() {
        return calculator;
    }

    public RollupRules rules() {
        return rules;
    }

    /** Today in the organisation's time zone. */
    public LocalDate today(String organisationId) {
        return figures.today(organisationId);
    }

    /** The organisation's directory and current series on the date. */
    public Uni<OrganisationSnapshot> snapshot(String organisationId, LocalDate asOf) {
        return eventPosition().chain(position -> snapshot(organisationId, asOf, position));
    }

    /** The snapshots of the week ends of a trend, oldest first: asOf − 7·(weeks − 1), ..., asOf. */
    public Uni<List<OrganisationSnapshot>> weekly(String organisationId, LocalDate asOf, int weeks) {
        return eventPosition().chain(position -> trends.get(new DateKey(organisationId, asOf, weeks), position,
                () -> directory(organisationId, position).chain(history -> figures
                        .trend(organisationId, null, asOf, weeks)
                        .map(byWeek -> byWeek.entrySet().stream()
                                .map(week -> new OrganisationSnapshot(week.getKey(),
                                        history.asOf(week.getKey(), timeZones.zone(organisationId)), week.getValue()))
                                .toList()))
                        .invoke(weekEnds -> weekEnds.forEach(snapshot -> snapshots.put(
                                new DateKey(organisationId, snapshot.asOf(), 0), position, snapshot)))));
    }

    /** What the caller sees on the snapshot's date: the whole organisation, or a director's subtree. */
    public Visibility visibility(Caller caller, OrganisationSnapshot snapshot) {
        if (caller.is(Caller.HR) || caller.is(Caller.INTEGRATION)) {
            return Visibility.WHOLE_ORGANISATION;
        }
        UUID director = directorId(caller);
        return director == null ? new Visibility(null, Set.of())
                : new Visibility(director, snapshot.directory().subtree(director));
    }

    /**
     * What the caller sees on a date, from the directory alone (no figure is computed): the whole
     * organisation for HR and integrations, else the reporting subtree of the token's person id.
     */
    public Uni<Visibility> visibility(Caller caller, String organisationId, LocalDate asOf) {
        if (caller.is(Caller.HR) || caller.is(Caller.INTEGRATION)) {
            return Uni.createFrom().item(Visibility.WHOLE_ORGANISATION);
        }
        UUID director = directorId(caller);
        if (director == null) {
            return Uni.createFrom().item(new Visibility(null, Set.of()));
        }
        return eventPosition().chain(position -> directory(organisationId, position))
                .map(history -> new Visibility(director, history.asOf(asOf, timeZones.zone(organisationId)).subtree(director)));
    }

    /** A director's person id: the subject of their token. */
    public static UUID directorId(Caller caller) {
        try {
            return caller.subject() == null ? null : UUID.fromString(caller.subject());
        } catch (IllegalArgumentException notAPerson) {
            return null;
        }
    }

    public Rollup withTrend(Rollup rollup, Scope scope, List<OrganisationSnapshot> weeks, Visibility visibility) {
        return rollup.withTrend(trend(scope, weeks, visibility));
    }

    public List<TrendPoint> trend(Scope scope, List<OrganisationSnapshot> weeks, Visibility visibility) {
        return weeks.stream().map(week -> calculator.point(scope, week, visibility)).toList();
    }

    private Uni<OrganisationSnapshot> snapshot(String organisationId, LocalDate asOf, long position) {
        return snapshots.get(new DateKey(organisationId, asOf, 0), position, () -> directory(organisationId, position)
                .chain(history -> figures.forOrganisation(organisationId, asOf)
                        .map(series -> new OrganisationSnapshot(asOf, history.asOf(asOf, timeZones.zone(organisationId)), series))));
    }

    private Uni<DirectoryHistory> directory(String organisationId, long position) {
        return directories.get(organisationId, position, () -> directoryReader.load(organisationId));
    }

    /** Moves with every event recorded (by any instance): cached figures are good while it stands still. */
    private Uni<Long> eventPosition() {
        return client.query("select position from history_position").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
