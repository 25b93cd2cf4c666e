package dev.oneonone.insights.projection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.oneonone.insights.domain.directory.DirectoryHistory;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Employment;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Interval;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Placement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads an organisation's whole directory history in three queries (rows only, no entities: it is read-only),
 * with each person's employment periods folded from their starts and ends.
 */
@ApplicationScoped
public class DirectoryHistoryReader {
    private final Pool client;

    public DirectoryHistoryReader(Pool client) {
        this.client = client;
    }

    public Uni<DirectoryHistory> load(String organisationId) {
        Tuple organisation = Tuple.of(organisationId);
        Uni<List<Employment>> employments = client.preparedQuery("""
                        select person_id, starts_at, last_day, end_withdrawn from directory_employment
                        where organisation_id = $1 order by person_id, seq""")
                .execute(organisation)
                .map(DirectoryHistoryReader::periods);
        Uni<List<Interval<UUID>>> lines = client.preparedQuery("""
                        select person_id, manager_id, valid_from, valid_to from directory_reporting_line
                        where organisation_id = $1 order by person_id, valid_from, seq""")
                .execute(organisation)
                .map(rows -> rows.stream().map(row -> new Interval<>(row.getUUID(0), row.getUUID(1),
                        instant(row, 2), instant(row, 3))).toList());
        Uni<List<Interval<Placement>>> placements = client.preparedQuery("""
                        select person_id, team, department, valid_from, valid_to from directory_placement
                        where organisation_id = $1 order by person_id, valid_from, seq""")
                .execute(organisation)
                .map(rows -> rows.stream().map(row -> new Interval<>(row.getUUID(0),
                        new Placement(row.getString(1), row.getString(2)), instant(row, 3), instant(row, 4))).toList());
        return Uni.combine().all().unis(employments, lines, placements).with(DirectoryHistory::new);
    }

    /**
     * Folds each person's facts, in stream order, into employment periods: a start opens one; an end closes the
     * person's latest period, or corrects its last day when it is closed already (a corrected notice); a withdrawn
     * end reopens it. An end with no period yet (its registration not applied) counts nobody.
     */
    static List<Employment> periods(Iterable<Row> rows) {
        List<Employment> periods = new ArrayList<>();
        UUID person = null;
        Employment latest = null;
        for (Row row : rows) {
            if (!row.getUUID(0).equals(person)) {
                if (latest != null) {
                    periods.add(latest);
                }
                person = row.getUUID(0);
                latest = null;
            }
            Instant startsAt = instant(row, 1);
            if (startsAt != null) {
                if (latest != null) {
                    periods.add(latest);
                }
                latest = new Employment(person, startsAt, null);
            } else if (latest != null) {
                boolean withdrawn = Boolean.TRUE.equals(row.getBoolean(3));
                latest = new Employment(person, latest.startsAt(), withdrawn ? null : row.getLocalDate(2));
            }
        }
        if (latest != null) {
            periods.add(latest);
        }
        return periods;
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

}
