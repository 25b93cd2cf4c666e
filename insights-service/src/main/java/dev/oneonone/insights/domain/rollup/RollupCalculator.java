package dev.oneonone.insights.domain.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
            case DEPARTMENT, TEAM -> {
                GroupTotals stored = stored(scope, snapshot, visibility);
                yield stored != null ? stored.people() > 0 : !group(scope, snapshot, visibility).people().isEmpty();
            }
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
        GroupTotals stored = stored(scope, snapshot, visibility);
        return new Rollup(scope, snapshot.asOf(), false, stored != null ? stored.figures() : figures(group, snapshot),
                attention.size(),
                attention.subList(0, Math.min(ATTENTION_PREVIEW, attention.size())), null);
    }

    /** A rollup without its attention items (their count stays): what lists of groups carry. */
    public Rollup summary(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        GroupTotals stored = stored(scope, snapshot, visibility);
        if (stored != null) {
            return suppressed(scope, stored.people()) ? new Rollup(scope, snapshot.asOf(), true, null, null, null, null)
                    : new Rollup(scope, snapshot.asOf(), false, stored.figures(), stored.attention(), null, null);
        }
        Rollup full = rollup(scope, snapshot, visibility);
        return new Rollup(full.scope(), full.asOf(), full.suppressed(), full.figures(), full.attentionCount(), null, null);
    }

    public TrendPoint point(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        GroupTotals stored = stored(scope, snapshot, visibility);
        if (stored != null) {
            return suppressed(scope, stored.people()) ? new TrendPoint(snapshot.asOf(), true, null)
                    : new TrendPoint(snapshot.asOf(), false, stored.figures());
        }
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
        if (visibility.wholeOrganisation() && snapshot.storedTotals() != null) {
            GroupTotals stored = snapshot.storedTotals().get(WITHOUT_DEPARTMENT);
            return stored == null || stored.people() == 0 ? null
                    : stored.people() < minGroupSize ? new TrendPoint(snapshot.asOf(), true, null)
                    : new TrendPoint(snapshot.asOf(), false, stored.figures());
        }
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
        return suppressed(scope, group.people().size());
    }

    private boolean suppressed(Scope scope, int people) {
        return scope.privacyApplies() && people < minGroupSize;
    }

    /**
     * The group's stored totals ({@link OrganisationSnapshot#storedTotals}), when the snapshot carries them and
     * the group is one of the whole organisation's view; null otherwise (the figures are computed from the snapshot).
     */
    private static GroupTotals stored(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        Map<String, GroupTotals> stored = snapshot.storedTotals();
        if (stored == null || !visibility.wholeOrganisation()) {
            return null;
        }
        return switch (scope.kind()) {
            case ORGANISATION, DEPARTMENT, TEAM -> stored.getOrDefault(scope.toString(), GroupTotals.NONE);
            case MANAGER, SUBTREE -> null;
        };
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
        return totals(group, snapshot).figures();
    }

    /**
     * The group's figures as sums, computed from scratch from the snapshot: what the stored group totals
     * ({@code GroupTotalsStore}) must equal. Null when the group is withheld.
     */
    public GroupTotals totals(Scope scope, OrganisationSnapshot snapshot, Visibility visibility) {
        Group group = group(scope, snapshot, visibility);
        return suppressed(scope, group) ? null : totals(group, snapshot);
    }

    /** The totals of the people without a department (the whole organisation's view); null when there is nobody. */
    public GroupTotals totalsWithoutDepartment(OrganisationSnapshot snapshot) {
        Set<UUID> people = new LinkedHashSet<>();
        List<SeriesFigures> series = new ArrayList<>();
        membersWithCompanionSeries(snapshot, Visibility.WHOLE_ORGANISATION, p -> p.department() == null, people, series);
        return people.isEmpty() ? null : totals(new Group(people, series), snapshot);
    }

    private GroupTotals totals(Group group, OrganisationSnapshot snapshot) {
        GroupTotals totals = GroupTotals.NONE;
        for (SeriesFigures series : group.series()) {
            totals = totals.plus(GroupTotals.series(series, needsAttention(series)));
        }
        for (UUID person : group.people()) {
            totals = totals.plus(personTotals(snapshot.directory().person(person), snapshot));
        }
        return totals;
    }

    /** The key of the people without a department among the stored groups (the others' keys are their scope's text). */
    public static final String WITHOUT_DEPARTMENT = "without-department";

    /**
     * The totals of every group of the whole organisation's view in one pass: the organisation, each department
     * and team, and the people without a department, by {@link #groupsOf} key. Equal to {@link #totals} per group.
     */
    public Map<String, GroupTotals> wholeOrganisationTotals(OrganisationSnapshot snapshot) {
        Map<String, GroupTotals> totals = new HashMap<>();
        totals.put(Scope.ORGANISATION.toString(), GroupTotals.NONE);
        for (Directory.Person person : snapshot.directory().people()) {
            GroupTotals adds = personTotals(person, snapshot);
            for (SeriesFigures series : snapshot.withCompanion(person.personId())) {
                adds = adds.plus(GroupTotals.series(series, needsAttention(series)));
            }
            for (String group : groupsOf(person)) {
                totals.merge(group, adds, GroupTotals::plus);
            }
        }
        return totals;
    }

    /** The whole organisation's groups the person is in on the date: keys of {@link #wholeOrganisationTotals}. */
    public static List<String> groupsOf(Directory.Person person) {
        List<String> groups = new ArrayList<>(3);
        groups.add(Scope.ORGANISATION.toString());
        groups.add(person.department() == null ? WITHOUT_DEPARTMENT : Scope.department(person.department()).toString());
        if (person.team() != null) {
            groups.add(Scope.team(person.team()).toString());
        }
        return groups;
    }

    private static GroupTotals personTotals(Directory.Person person, OrganisationSnapshot snapshot) {
        UUID manager = person.managerId();
        return GroupTotals.person(manager != null,
                manager != null && snapshot.haveManagerReportSeries(manager, person.personId()));
    }

    /** True when the series is on its group's attention list: overdue or at risk (unpaused), or low follow-through. */
    public boolean needsAttention(SeriesFigures series) {
        return (!series.paused() && (series.health() == Health.OVERDUE || series.health() == Health.AT_RISK))
                || lowFollowThrough(series.followThrough());
    }

    /** The smallest group whose figures a team or department shows. */
    public int minGroupSize() {
        return minGroupSize;
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
