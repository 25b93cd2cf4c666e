package dev.oneonone.insights.domain.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.insights.domain.directory.Directory;
import dev.oneonone.insights.domain.figures.SeriesFigures;

/**
 * Everything the rollups of one organisation need for one date: the directory of that day and the
 * figures of the series that are current then, indexed by leader and companion.
 */
public final class OrganisationSnapshot {
    private final LocalDate asOf;
    private final Directory directory;
    private final List<SeriesFigures> series;
    private final Map<UUID, List<SeriesFigures>> byLeader = new HashMap<>();
    private final Map<UUID, List<SeriesFigures>> byCompanion = new HashMap<>();
    private final Set<List<UUID>> managerReportPairs = new HashSet<>();
    private final Map<Object, Object> computed = new ConcurrentHashMap<>();
    private volatile Map<String, GroupTotals> storedTotals;

    public OrganisationSnapshot(LocalDate asOf, Directory directory, List<SeriesFigures> allSeries) {
        this.asOf = asOf;
        this.directory = directory;
        List<SeriesFigures> current = new ArrayList<>();
        for (SeriesFigures figures : allSeries) {
            if (!figures.current()) {
                continue; // an ended (or not yet started) series leaves the current figures
            }
            current.add(figures);
            byLeader.computeIfAbsent(figures.leaderId(), p -> new ArrayList<>()).add(figures);
            byCompanion.computeIfAbsent(figures.companionId(), p -> new ArrayList<>()).add(figures);
            if (figures.relationship() == Relationship.MANAGER_REPORT) {
                // the manager normally leads; a series started the other way round still covers the pair
                managerReportPairs.add(List.of(figures.leaderId(), figures.companionId()));
                managerReportPairs.add(List.of(figures.companionId(), figures.leaderId()));
            }
        }
        this.series = List.copyOf(current);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Directory directory() {
        return directory;
    }

    /** The series current on the date. */
    public List<SeriesFigures> series() {
        return series;
    }

    public List<SeriesFigures> ledBy(UUID personId) {
        return byLeader.getOrDefault(personId, List.of());
    }

    public List<SeriesFigures> withCompanion(UUID personId) {
        return byCompanion.getOrDefault(personId, List.of());
    }

    /**
     * A value computed from this snapshot alone (a rollup of the whole organisation's view), computed once:
     * the snapshot never changes. Null values are not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T computed(Object key, Supplier<T> compute) {
        Object value = computed.get(key);
        if (value == null) {
            value = compute.get();
            if (value != null) {
                computed.putIfAbsent(key, value);
            }
        }
        return (T) value;
    }

    /**
     * The stored totals of the whole organisation's groups on the date (by {@link RollupCalculator#groupsOf} key),
     * read from the rows kept for the same figures and directory; null when not attached (computed from the snapshot).
     */
    public Map<String, GroupTotals> storedTotals() {
        return storedTotals;
    }

    /** Attaches the stored totals read for this snapshot's figures and directory. */
    public OrganisationSnapshot withStoredTotals(Map<String, GroupTotals> totals) {
        this.storedTotals = Map.copyOf(totals);
        return this;
    }

    /** True when the two have a current manager–report series together. */
    public boolean haveManagerReportSeries(UUID managerId, UUID reportId) {
        return managerReportPairs.contains(List.of(managerId, reportId));
    }
}
