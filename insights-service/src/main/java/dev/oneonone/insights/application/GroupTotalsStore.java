package dev.oneonone.insights.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.insights.config.PrivacyRules;
import dev.oneonone.insights.config.RollupRules;
import dev.oneonone.insights.domain.directory.Directory;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.rollup.GroupTotals;
import dev.oneonone.insights.domain.rollup.OrganisationSnapshot;
import dev.oneonone.insights.domain.rollup.RollupCalculator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The whole organisation's groups on a day (organisation, departments, teams, people without a department) as
 * stored rows of {@link GroupTotals} ({@code group_totals}), so that rollups, trends and lists of groups read
 * their figures instead of adding up every series. A day's rows hold for one version of that day's series
 * figures and one directory revision ({@code group_totals_day}): built once from a snapshot, then moved from
 * version to version by what the changed series take from and give to their companion's groups. When a change
 * cannot be followed that way (a manager–report series starts or stops being current: coverage moves; or the
 * rows are not of the version the change starts from) the rows are left behind and built again when read.
 * At most {@link #DAYS_STORED} days are stored per organisation, the least recently built going first.
 */
@ApplicationScoped
public class GroupTotalsStore {
    static final int DAYS_STORED = 64;
    private static final String COLUMNS = "people, series, healthy, at_risk, overdue, paused, with_manager, covered, "
            + "due, completed_on_time, open_overdue, adherence_sum, with_adherence, attention";

    /** What the rows of a day were computed from: the day's figures version and the directory's rows. */
    public record Stamp(long figuresVersion, SeriesFiguresStore.DirectoryStamp directory) {
    }

    private final Pool pool;
    private final RollupCalculator calculator;
    private final AtomicLong built = new AtomicLong();
    private final AtomicLong moved = new AtomicLong();

    public GroupTotalsStore(Pool pool, RollupRules rules, PrivacyRules privacy) {
        this.pool = pool;
        this.calculator = RollupService.calculator(rules, privacy);
    }

    /**
     * The stored totals of every group on the snapshot's date for the stamp, built from the snapshot and stored
     * when the rows are missing or of another stamp.
     */
    public Uni<Map<String, GroupTotals>> totals(String organisationId, Stamp stamp, OrganisationSnapshot snapshot) {
        LocalDate day = snapshot.asOf();
        return pool.preparedQuery("select t.scope, " + prefixed() + """
                 from group_totals_day d join group_totals t using (organisation_id, day)
                where d.organisation_id = $1 and d.day = $2 and d.figures_version = $3
                  and d.directory_generation = $4 and d.directory_revision = $5""")
                .execute(Tuple.of(organisationId, day, stamp.figuresVersion(), stamp.directory().generation(),
                        stamp.directory().revision()))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        return Uni.createFrom().item(byScope(rows));
                    }
                    Map<String, GroupTotals> all = calculator.wholeOrganisationTotals(snapshot);
                    built.incrementAndGet();
                    return store(organisationId, day, stamp, all).replaceWith(all);
                });
    }

    /**
     * Moves a day's rows from the version before the change to the version after it, by the difference the
     * changed series make to their companion's groups on that day (their companion as the day's directory has
     * them). Leaves the rows alone (to be built again when read) when coverage may move or they are of another
     * version or directory.
     *
     * @param directory the directory of the change's day
     */
    public Uni<Void> apply(String organisationId, SeriesFiguresStore.DayChange change,
            SeriesFiguresStore.DirectoryStamp stamp, Directory directory) {
        if (coverageMayMove(change)) {
            return Uni.createFrom().voidItem();
        }
        Map<String, GroupTotals> difference = new HashMap<>();
        for (SeriesFigures before : change.before()) {
            add(difference, before, directory, false);
        }
        for (SeriesFigures after : change.after()) {
            add(difference, after, directory, true);
        }
        return pool.withTransaction(connection -> connection.preparedQuery("""
                update group_totals_day set figures_version = $6, built_at = now()
                 where organisation_id = $1 and day = $2 and figures_version = $3
                   and directory_generation = $4 and directory_revision = $5""")
                .execute(Tuple.of(organisationId, change.day(), change.versionBefore(), stamp.generation(),
                        stamp.revision(), change.versionAfter()))
                .chain(day -> {
                    if (day.rowCount() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    moved.incrementAndGet();
                    return difference.isEmpty() ? Uni.createFrom().voidItem()
                            : addTo(connection, organisationId, change.day(), difference);
                }));
    }

    /** A manager–report series that appears, goes, or starts or stops being current changes who is covered. */
    private static boolean coverageMayMove(SeriesFiguresStore.DayChange change) {
        Map<Object, Boolean> current = new HashMap<>();
        for (SeriesFigures before : change.before()) {
            if (before.relationship() == Relationship.MANAGER_REPORT) {
                current.put(before.seriesId(), before.current());
            }
        }
        for (SeriesFigures after : change.after()) {
            Boolean was = current.remove(after.seriesId());
            if (after.relationship() == Relationship.MANAGER_REPORT && !Objects.equals(was, after.current())) {
                return true;
            }
        }
        return !current.isEmpty();
    }

    private void add(Map<String, GroupTotals> difference, SeriesFigures figures, Directory directory, boolean gives) {
        Directory.Person companion = directory.person(figures.companionId());
        if (!figures.current() || companion == null) {
            return; // in no group's current figures that day
        }
        GroupTotals adds = GroupTotals.series(figures, calculator.needsAttention(figures));
        for (String group : RollupCalculator.groupsOf(companion)) {
            GroupTotals now = difference.getOrDefault(group, GroupTotals.NONE);
            difference.put(group, gives ? now.plus(adds) : now.minus(adds));
        }
    }

    private static Uni<Void> addTo(SqlConnection connection, String organisationId, LocalDate day,
            Map<String, GroupTotals> difference) {
        List<Tuple> rows = new ArrayList<>();
        difference.forEach((group, d) -> rows.add(Tuple.tuple(List.of(organisationId, day, group, d.series(),
                d.healthy(), d.atRisk(), d.overdue(), d.paused(), d.due(), d.completedOnTime(), d.openOverdue(),
                d.adherenceSum(), d.withAdherence(), d.attention()))));
        return connection.preparedQuery("""
                update group_totals set series = series + $4, healthy = healthy + $5, at_risk = at_risk + $6,
                       overdue = overdue + $7, paused = paused + $8, due = due + $9,
                       completed_on_time = completed_on_time + $10, open_overdue = open_overdue + $11,
                       adherence_sum = adherence_sum + $12, with_adherence = with_adherence + $13,
                       attention = attention + $14
                 where organisation_id = $1 and day = $2 and scope = $3""").executeBatch(rows).replaceWithVoid();
    }

    private Uni<Void> store(String organisationId, LocalDate day, Stamp stamp, Map<String, GroupTotals> totals) {
        List<String> scopes = new ArrayList<>(totals.keySet());
        List<List<Object>> columns = new ArrayList<>();
        for (int c = 0; c < 14; c++) {
            columns.add(new ArrayList<>(scopes.size()));
        }
        for (String scope : scopes) {
            GroupTotals t = totals.get(scope);
            List<Object> values = List.of(t.people(), t.series(), t.healthy(), t.atRisk(), t.overdue(), t.paused(),
                    t.withManager(), t.covered(), t.due(), t.completedOnTime(), t.openOverdue(), t.adherenceSum(),
                    t.withAdherence(), t.attention());
            for (int c = 0; c < values.size(); c++) {
                columns.get(c).add(values.get(c));
            }
        }
        Tuple arrays = Tuple.of(organisationId, day, scopes.toArray(String[]::new));
        for (int c = 0; c < columns.size(); c++) {
            arrays.addValue(c == 11 ? columns.get(c).toArray(BigDecimal[]::new) : columns.get(c).toArray(Integer[]::new));
        }
        return pool.withTransaction(connection -> connection
                // two builds of one day (two instances, or two stamps) one after the other, not interleaved
                .preparedQuery("select count(*) from (select pg_advisory_xact_lock(hashtext($1), $2)) locked")
                .execute(Tuple.of(organisationId, (int) day.toEpochDay()))
                .chain(() -> connection.preparedQuery("delete from group_totals_day where organisation_id = $1 and day = $2")
                        .execute(Tuple.of(organisationId, day)))
                .chain(() -> connection.preparedQuery("""
                        insert into group_totals_day (organisation_id, day, figures_version, directory_generation,
                               directory_revision) values ($1, $2, $3, $4, $5)""")
                        .execute(Tuple.of(organisationId, day, stamp.figuresVersion(), stamp.directory().generation(),
                                stamp.directory().revision())))
                .chain(() -> connection.preparedQuery("insert into group_totals (organisation_id, day, scope, " + COLUMNS
                        + ") select $1, $2, * from unnest($3::text[], $4::int[], $5::int[], $6::int[], $7::int[], "
                        + "$8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], "
                        + "$15::numeric[], $16::int[], $17::int[])").execute(arrays))
                .chain(() -> connection.preparedQuery("""
                        delete from group_totals_day where organisation_id = $1 and day not in (
                            select day from group_totals_day where organisation_id = $1
                             order by built_at desc limit $2)""").execute(Tuple.of(organisationId, DAYS_STORED))))
                .replaceWithVoid();
    }

    private static String prefixed() {
        return String.join(", ", List.of(COLUMNS.split(", ")).stream().map(c -> "t." + c).toList());
    }

    private static GroupTotals totals(Row row) {
        return new GroupTotals(row.getInteger("people"), row.getInteger("series"), row.getInteger("healthy"),
                row.getInteger("at_risk"), row.getInteger("overdue"), row.getInteger("paused"),
                row.getInteger("with_manager"), row.getInteger("covered"), row.getInteger("due"),
                row.getInteger("completed_on_time"), row.getInteger("open_overdue"),
                row.getBigDecimal("adherence_sum"), row.getInteger("with_adherence"), row.getInteger("attention"));
    }

    /** Days built from a snapshot, and days moved on by a change, since the start (for tests and logs). */
    long[] builtAndMoved() {
        return new long[] { built.get(), moved.get() };
    }

    /** For tests: the stored rows of a day whatever their stamp, by group key; empty when none. */
    public Uni<Map<String, GroupTotals>> storedRows(String organisationId, LocalDate day) {
        return pool.preparedQuery("select t.scope, " + prefixed()
                + " from group_totals t where t.organisation_id = $1 and t.day = $2")
                .execute(Tuple.of(organisationId, day)).map(GroupTotalsStore::byScope);
    }

    private static Map<String, GroupTotals> byScope(RowSet<Row> rows) {
        Map<String, GroupTotals> stored = new HashMap<>();
        rows.forEach(row -> stored.put(row.getString("scope"), totals(row)));
        return stored;
    }
}
