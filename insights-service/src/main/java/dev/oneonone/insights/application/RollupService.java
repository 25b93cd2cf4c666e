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
import io.smallrye.mutiny.Multi;
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
    private final GroupTotalsStore groupTotals;
    private final InsightsConfig.OrganisationTimeZone timeZones;
    private final DirectoryHistoryReader directoryReader;
    private final RollupRules rules;
    private final RollupCalculator calculator;
    private final SnapshotCache<DateKey, OrganisationSnapshot> snapshots;
    private final SnapshotCache<String, DirectoryHistory> directories;

    public RollupService(SeriesFiguresService figures, SeriesFiguresStore store, GroupTotalsStore groupTotals,
            DirectoryHistoryReader directoryReader, RollupRules rules, PrivacyRules privacy,
            InsightsConfig.OrganisationTimeZone timeZones, Clock clock) {
        this.figures = figures;
        this.store = store;
        this.groupTotals = groupTotals;
        this.timeZones = timeZones;
        this.directoryReader = directoryReader;
        this.rules = rules;
        this.calculator = calculator(rules, privacy);
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

    /** The calculator of the configured rules (the rollups' and the stored group totals' one rule). */
    static RollupCalculator calculator(RollupRules rules, PrivacyRules privacy) {
        return new RollupCalculator(privacy.minGroupSize(), rules.lowFollowThroughBelow(), rules.lowFollowThroughMinDue());
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
        return keptFigures(organisationId, List.of(asOf)).chain(kept -> snapshot(organisationId, asOf, kept));
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
        return keptFigures(organisationId, weekEnds).chain(kept -> Uni.join()
                .all(weekEnds.stream().map(day -> snapshot(organisationId, day, kept)).toList()).andFailFast());
    }

    private Uni<OrganisationSnapshot> snapshot(String organisationId, LocalDate day, SeriesFiguresStore.Figures kept) {
        // what the snapshot is made of: that day's kept figures and the directory's rows
        List<Object> stamp = List.of(kept.versions().get(day), kept.directoryRevision());
        return snapshots.get(new DateKey(organisationId, day), stamp,
                () -> directory(organisationId, kept.directoryRevision()).chain(history -> {
                    OrganisationSnapshot snapshot = new OrganisationSnapshot(day,
                            history.asOf(day, timeZones.zone(organisationId)), kept.byDay().get(day));
                    return groupTotals.totals(organisationId,
                            new GroupTotalsStore.Stamp(kept.versions().get(day), kept.directoryRevision()), snapshot)
                            .map(snapshot::withStoredTotals);
                }));
    }

    /**
     * The kept figures of the days, with what changed since the last refresh taken into the stored group
     * totals first (each change moves a day's rows on from the version it started from, or leaves them to be
     * built again).
     */
    private Uni<SeriesFiguresStore.Figures> keptFigures(String organisationId, List<LocalDate> days) {
        return store.figuresAndChanges(organisationId, days).call(kept -> kept.changes().isEmpty()
                ? Uni.createFrom().voidItem()
                : directory(organisationId, kept.directoryRevision()).chain(history -> Multi.createFrom()
                        .iterable(kept.changes())
                        // in order: each change moves a day on from the version the one before left it at
                        .onItem().transformToUniAndConcatenate(change -> groupTotals.apply(organisationId, change,
                                kept.directoryRevision(), history.asOf(change.day(), timeZones.zone(organisationId)))
                                // rows not moved on are built again when read: a failure here costs time, not figures
                                .onFailure().recoverWithItem((Void) null))
                        .collect().last()));
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
        return keptFigures(organisationId, List.of()).chain(kept -> directory(organisationId, kept.directoryRevision()))
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
