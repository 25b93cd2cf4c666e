package dev.oneonone.insights.domain.rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.oneonone.events.insights.Health;
import dev.oneonone.insights.domain.directory.Directory;
import dev.oneonone.insights.domain.figures.FollowThrough;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.rollup.AttentionItem.Reason;

/**
 * Rolls the figures of series up to a group, from one {@link OrganisationSnapshot}: pure, no I/O.
 *
 * <p>One rule for every group, the organisation included: the group's people are people of the directory
 * on the date (a department's, a team's, everyone below a director, everyone), and its series are the
 * current series whose companion (the report, in a manager–report series) is one of them. So the
 * organisation's figures are the sum of its departments' and of the people without a department. A
 * manager's series are the series they lead whose companion is in the directory on the date. Coverage
 * and "no 1:1" count the group's people who have a manager.
 */
public final class RollupCalculator {
    /** Items of the attention list a rollup carries itself; the rest is paged through GET /attention. */
    public static final int ATTENTION_PREVIEW = 20;

    private static final Comparator<AttentionItem> URGENCY = Comparator
            .comparing(AttentionItem::first)
            .thenComparing(AttentionItem::gapDays, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AttentionItem::followThroughRate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(item -> Objects.toString(item.seriesId(), ""))
            .thenComparing(item -> Objects.toString(item.companionId(), ""));

    private final int minGroupSize;
    private final double lowFollowThroughBelow;
    private final int lowFollowThroughMinDue;

    /**
     * @param minGroupSize           no figure for a team or department of fewer people ({@code insights.privacy.min-group-size})
     * @param lowFollowThroughBelow  a series needs attention for a follow-through rate below this...
     * @param lowFollowThroughMinDue ...with at least this many agreements due ({@code insights.rollups.*})
     */
    public RollupCalculator(int minGroupSize, double lowFollowThroughBelow, int lowFollowThroughMinDue) {
        this.minGroupSize = minGroupSize;
        this.lowFollowThroughBelow = lowFollowThroughBelow;
        this.lowFollowThroughMinDue = lowFollowThroughMinDue;
    }

    /** The people and series of a group on the snapshot's date, as far as the caller sees them. */
    record Group(Set<UUID> people, List<SeriesFigures> series) {
    }

    /** True when the group exists on the date for this caller (a department or team with people, a known person). */
    public boolean exists(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        return switch (scope.kind()) {
            case ORGANISATION -> true;
            case DEPARTMENT, TEAM -> !group(scope, snapshot, visibility).people().isEmpty();
            // a director may always ask for their own subtree, even while the directory does not know them
            case MANAGER, SUBTREE -> visibility.mayLookUp(scope.personId())
                    && (snapshot.directory().person(scope.personId()) != null || scope.personId().equals(visibility.viewer()));
        };
    }

    public Rollup rollup(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        return once("rollup", scope, snapshot, visibility, () -> computeRollup(scope, snapshot, visibility));
    }

    /**
     * What the whole organisation's view gives is computed once per snapshot and calculator (a snapshot never
     * changes; a director's view, one per subtree, is computed each time).
     */
    private <T> T once(String what, Scope scope, OrganisationSnapshot snapshot, Visibility visibility,
            Supplier<T> compute) {
        return visibility.wholeOrganisation() ? snapshot.computed(List.of(this, what, scope), compute) : compute.get();
    }

    private Rollup computeRollup(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        Group group = group(scope, snapshot, visibility);
        if (suppressed(scope, group)) {
            return new Rollup(scope, snapshot.asOf(), true, null, null, null, null);
        }
        List<AttentionItem> attention = attention(group, snapshot);
        return new Rollup(scope, snapshot.asOf(), false, figures(group, snapshot), attention.size(),
                attention.subList(0, Math.min(ATTENTION_PREVIEW, attention.size())), null);
    }

    /** A rollup without its attention items (their count stays): what lists of groups carry. */
    public Rollup summary(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        Rollup full = rollup(scope, snapshot, visibility);
        return new Rollup(full.scope(), full.asOf(), full.suppressed(), full.figures(), full.attentionCount(), null, null);
    }

    public TrendPoint point(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        return once("point", scope, snapshot, visibility, () -> {
            Group group = group(scope, snapshot, visibility);
            return suppressed(scope, group) ? new TrendPoint(snapshot.asOf(), true, null)
                    : new TrendPoint(snapshot.asOf(), false, figures(group, snapshot));
        });
    }

    /** The whole attention list, most urgent first; null when the group's figures are withheld. */
    public List<AttentionItem> attention(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        return once("attention", scope, snapshot, visibility, () -> {
            Group group = group(scope, snapshot, visibility);
            return suppressed(scope, group) ? null : List.copyOf(attention(group, snapshot));
        });
    }

    /**
     * The figures of the people without a department (as far as the caller sees them) and the series whose companion
     * is one of them: with the departments they make up the organisation. Null when there is nobody; withheld
     * ({@code suppressed}) under the minimum group size like a department.
     */
    public TrendPoint withoutDepartment(OrganisationSnapshot snapshot, Visibility visibility) {
        Set<UUID> people = new LinkedHashSet<>();
        List<SeriesFigures> series = new ArrayList<>();
        membersWithCompanionSeries(snapshot, visibility, p -> p.department() == null, people, series);
        if (people.isEmpty()) {
            return null;
        }
        Group group = new Group(people, series);
        return people.size() < minGroupSize ? new TrendPoint(snapshot.asOf(), true, null)
                : new TrendPoint(snapshot.asOf(), false, figures(group, snapshot));
    }

    private boolean suppressed(Scope scope, Group group) {
        return scope.privacyApplies() && group.people().size() < minGroupSize;
    }

    Group group(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        Directory directory = snapshot.directory();
        Set<UUID> people = new LinkedHashSet<>();
        List<SeriesFigures> series = new ArrayList<>();
        switch (scope.kind()) {
            case ORGANISATION -> membersWithCompanionSeries(snapshot, visibility, p -> true, people, series);
            case DEPARTMENT -> membersWithCompanionSeries(snapshot, visibility,
                    p -> scope.key().equals(p.department()), people, series);
            case TEAM -> membersWithCompanionSeries(snapshot, visibility,
                    p -> scope.key().equals(p.team()), people, series);
            case MANAGER -> {
                UUID manager = scope.personId();
                directory.directReports(manager).stream().filter(visibility::sees).forEach(people::add);
                snapshot.ledBy(manager).stream()
                        .filter(s -> directory.person(s.companionId()) != null && visibility.sees(s.companionId()))
                        .forEach(series::add);
            }
            case SUBTREE -> {
                Set<UUID> below = directory.subtree(scope.personId());
                membersWithCompanionSeries(snapshot, visibility, p -> below.contains(p.personId()), people, series);
            }
        }
        return new Group(people, series);
    }

    private static void membersWithCompanionSeries(OrganisationSnapshot snapshot, Visibility visibility,
            Predicate<Directory.Person> member, Set<UUID> people, List<SeriesFigures> series) {
        for (Directory.Person person : snapshot.directory().people()) {
            if (member.test(person) && visibility.sees(person.personId())) {
                people.add(person.personId());
                series.addAll(snapshot.withCompanion(person.personId()));
            }
        }
    }

    private RollupFigures figures(Group group, OrganisationSnapshot snapshot) {
        int healthy = 0;
        int atRisk = 0;
        int overdue = 0;
        int paused = 0;
        int due = 0;
        int onTime = 0;
        int openOverdue = 0;
        double[] adherences = new double[group.series().size()];
        int withAdherence = 0;
        for (SeriesFigures series : group.series()) {
            FollowThrough followThrough = series.followThrough();
            if (followThrough != null) {
                due += followThrough.due();
                onTime += followThrough.completedOnTime();
                openOverdue += followThrough.openOverdue();
            }
            if (series.paused()) {
                paused++;
                continue;
            }
            if (series.health() == Health.HEALTHY) {
                healthy++;
            } else if (series.health() == Health.AT_RISK) {
                atRisk++;
            } else if (series.health() == Health.OVERDUE) {
                overdue++;
            }
            if (series.adherence() != null) {
                adherences[withAdherence++] = series.adherence();
            }
        }
        // summed in value order: the same figure whatever order the series come in (rows move in a replay)
        Arrays.sort(adherences, 0, withAdherence);
        double adherenceSum = 0;
        for (int i = 0; i < withAdherence; i++) {
            adherenceSum += adherences[i];
        }
        int withManager = 0;
        int covered = 0;
        for (UUID person : group.people()) {
            UUID manager = snapshot.directory().person(person).managerId();
            if (manager != null) {
                withManager++;
                if (snapshot.haveManagerReportSeries(manager, person)) {
                    covered++;
                }
            }
        }
        return new RollupFigures(group.people().size(), group.series().size(),
                new HealthCounts(healthy, atRisk, overdue, withManager - covered, paused),
                FollowThroughTotals.of(due, onTime, openOverdue),
                withAdherence == 0 ? null : adherenceSum / withAdherence,
                CoverageFigures.of(withManager, covered));
    }

    private List<AttentionItem> attention(Group group, OrganisationSnapshot snapshot) {
        List<AttentionItem> items = new ArrayList<>();
        for (SeriesFigures series : group.series()) {
            List<Reason> reasons = new ArrayList<>(2);
            if (!series.paused() && series.health() == Health.OVERDUE) {
                reasons.add(Reason.OVERDUE);
            } else if (!series.paused() && series.health() == Health.AT_RISK) {
                reasons.add(Reason.AT_RISK);
            }
            FollowThrough followThrough = series.followThrough();
            if (lowFollowThrough(followThrough)) {
                reasons.add(Reason.LOW_FOLLOW_THROUGH);
            }
            if (!reasons.isEmpty()) {
                items.add(new AttentionItem(List.copyOf(reasons), series.seriesId(), series.leaderId(),
                        series.companionId(), series.relationship().name(), series.cadence().name(), series.health(),
                        series.gapDays(), followThrough == null ? null : followThrough.rate(),
                        followThrough == null ? null : followThrough.due(),
                        series.recommendations() == null ? List.of() : series.recommendations()));
            }
        }
        for (UUID person : group.people()) {
            UUID manager = snapshot.directory().person(person).managerId();
            if (manager != null && !snapshot.haveManagerReportSeries(manager, person)) {
                items.add(new AttentionItem(List.of(Reason.NO_ONE_ON_ONE), null, manager, person, null, null, null,
                        null, null, null, null));
            }
        }
        items.sort(URGENCY);
        return items;
    }

    private boolean lowFollowThrough(FollowThrough followThrough) {
        return followThrough != null && followThrough.rate() != null
                && followThrough.due() >= lowFollowThroughMinDue && followThrough.rate() < lowFollowThroughBelow;
    }
}
