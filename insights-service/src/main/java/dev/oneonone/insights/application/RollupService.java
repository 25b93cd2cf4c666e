package dev.oneonone.insights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import dev.oneonone.insights.projection.ProjectionReplay;
import dev.oneonone.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The rollups' use cases: builds (and caches) an organisation's snapshot for a date from the
 * directory history and the series figures, decides what the caller may see, and rolls up.
 */
@ApplicationScoped
public class RollupService {
    private record DateKey(String organisationId, LocalDate date) {
    }

    private final SeriesFiguresService figures;
    private final SeriesFiguresStore store;
    private final InsightsConfig.OrganisationTimeZone timeZones;
    private final DirectoryHistoryReader directoryReader;
    private final RollupRules rules;
    private final RollupCalculator calculator;
    private final SnapshotCache<DateKey, OrganisationSnapshot> snapshots;
    private final SnapshotCache<String, DirectoryHistory> directories;

    public RollupService(SeriesFiguresService figures, SeriesFiguresStore store, DirectoryHistoryReader directoryReader,
            RollupRules rules, PrivacyRules privacy,
            InsightsConfig.OrganisationTimeZone timeZones, Clock clock) {
        this.figures = figures;
        this.store = store;
        this.timeZones = timeZones;
        this.directoryReader = directoryReader;
        this.rules = rules;
        this.calculator = new RollupCalculator(privacy.minGroupSize(), rules.lowFollowThroughBelow(),
                rules.lowFollowThroughMinDue());
        this.snapshots = new SnapshotCache<>(rules.cacheEntries(), rules.cacheTtl(), clock);
        this.directories = new SnapshotCache<>(Math.max(4, rules.cacheEntries() / 8), rules.cacheTtl(), clock);
    }

    /** A replay began: the snapshots (figures and directories of the tables it swaps out) go, as the store's do. */
    void replayStarted(@Observes ProjectionReplay.Started started) {
        snapshots.clear();
        directories.clear();
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
        return store.figures(organisationId, List.of(asOf)).chain(kept -> snapshot(organisationId, asOf, kept));
    }

    /**
     * The snapshots of the week ends of a trend, oldest first: asOf − 7·(weeks − 1), ..., asOf. Each week end's
     * snapshot is cached on its own: after an event, mostly only the last one is built again.
     */
    public Uni<List<OrganisationSnapshot>> weekly(String organisationId, LocalDate asOf, int weeks) {
        List<LocalDate> weekEnds = new ArrayList<>(weeks);
        for (int week = weeks - 1; week >= 0; week--) {
            weekEnds.add(asOf.minusWeeks(week));
        }
        return store.figures(organisationId, weekEnds).chain(kept -> Uni.join()
                .all(weekEnds.stream().map(day -> snapshot(organisationId, day, kept)).toList()).andFailFast());
    }

    private Uni<OrganisationSnapshot> snapshot(String organisationId, LocalDate day, SeriesFiguresStore.Figures kept) {
        // what the snapshot is made of: that day's kept figures and the directory's rows
        List<Object> stamp = List.of(kept.versions().get(day), kept.directoryRevision());
        return snapshots.get(new DateKey(organisationId, day), stamp,
                () -> directory(organisationId, kept.directoryRevision()).map(history -> new OrganisationSnapshot(day,
                        history.asOf(day, timeZones.zone(organisationId)), kept.byDay().get(day))));
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
        return store.figures(organisationId, List.of()).chain(kept -> directory(organisationId, kept.directoryRevision()))
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

    private Uni<DirectoryHistory> directory(String organisationId, SeriesFiguresStore.DirectoryStamp revision) {
        return directories.get(organisationId, revision, () -> directoryReader.load(organisationId));
    }
}
