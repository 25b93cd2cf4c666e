package dev.oneonone.meetings.application.series;

import static dev.oneonone.meetings.rest.MeetingsApi.importSeriesWithPastMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.seriesWithMeetings;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 16: a command's cost does not grow with the series' history. A series with several snapshots' worth of
 * meetings is loaded from its snapshot plus the events after it: counted in events read from the store (kit counter
 * {@code eventstore_events_loaded}), never in time. (docs/performance/command-path.md times a thousand meetings.)
 */
@QuarkusTest
class SeriesSnapshotTest {
    private static final String ORG = "snapshot-org";
    /** Three snapshots' worth in tests (every 10 events): every event here is replayed again by the rebuild tests. */
    private static final int MEETINGS = 30;

    @Inject
    MeterRegistry metrics;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "suite.eventstore.snapshot-every", defaultValue = "50")
    int snapshotEvery;

    @Test
    void a_command_on_a_thousand_meeting_series_reads_only_the_events_after_its_snapshot() throws Exception {
        String series = seriesWithMeetings(ORG, MEETINGS);
        long[] snapshot = snapshot(series);
        assertTrue(snapshot[0] > MEETINGS + 1 - snapshotEvery, "a snapshot within the last " + snapshotEvery + " events");

        for (int command = 0; command < snapshotEvery + 5; command++) {
            double before = eventsLoaded();
            scheduleMeeting(ORG, series, nextWeek().plus(command, ChronoUnit.MINUTES)).statusCode(201);
            double read = eventsLoaded() - before;
            assertTrue(read < snapshotEvery, "command " + command + " read " + read + " events of " + (MEETINGS + 1 + command));
        }
        assertTrue(snapshot(series)[0] > snapshot[0], "a later snapshot replaced the first");
    }

    @Test
    void a_snapshot_of_another_schema_version_is_ignored_then_replaced() throws Exception {
        String series = seriesWithMeetings(ORG, MEETINGS);
        long version = MEETINGS + 1;
        execute("update aggregate_snapshot set schema_version = 0 where stream_id = ?", series);

        double before = eventsLoaded();
        scheduleMeeting(ORG, series, Instant.now().plus(1, ChronoUnit.HOURS)).statusCode(201);
        assertTrue(eventsLoaded() - before >= version, "the whole stream was folded");
        long[] replaced = snapshot(series);
        assertEquals(version + 1, replaced[0], "a new snapshot at the command's version");
        assertEquals(SeriesCommands.SNAPSHOT.schemaVersion(), replaced[1]);

        before = eventsLoaded();
        scheduleMeeting(ORG, series, Instant.now().plus(2, ChronoUnit.HOURS)).statusCode(201);
        assertTrue(eventsLoaded() - before < snapshotEvery, "the next command reads the tail only");
    }

    @Test
    void an_unreadable_snapshot_is_folded_afresh() throws Exception {
        Instant past = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String series = importSeriesWithPastMeeting(ORG, past, nextWeek()).statusCode(201).extract().path("series[0]");
        execute("insert into aggregate_snapshot (stream_id, organisation_id, kind, version, schema_version, state)"
                + " values (?, '" + ORG + "', 'series', 2, " + SeriesCommands.SNAPSHOT.schemaVersion()
                + ", '{\"pauses\": 7}')", series);
        scheduleMeeting(ORG, series, nextWeek().plus(1, ChronoUnit.HOURS)).statusCode(201);
        as(ORG).get("/series/{id}/meetings", series).then().body("items.size()", is(3));
    }

    private double eventsLoaded() {
        return metrics.counter("eventstore_events_loaded").count();
    }

    /** {version, schema version} of the series' snapshot. */
    private long[] snapshot(String series) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select version, schema_version from aggregate_snapshot where stream_id = ?")) {
            query.setObject(1, UUID.fromString(series));
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "a snapshot of " + series);
                return new long[] { rs.getLong(1), rs.getLong(2) };
            }
        }
    }

    private void execute(String sql, String series) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, UUID.fromString(series));
            assertEquals(1, update.executeUpdate());
        }
    }
}
