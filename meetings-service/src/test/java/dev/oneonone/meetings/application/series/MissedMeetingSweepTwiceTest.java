package dev.oneonone.meetings.application.series;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.importSeriesWithPastMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 13, several instances: two sweeps at once (as two instances of meetings-service would run them) record a
 * missed meeting once. Safe by construction: each meeting is one append at the version read, so the second writer
 * loses on the unique (stream, version) constraint, or reads the meeting as missed and is refused.
 */
@QuarkusTest
class MissedMeetingSweepTwiceTest {
    private static final String ORG = "sweep-twice-org";

    @Inject
    MissedMeetingSweep sweep;

    @Inject
    DataSource dataSource;

    @Test
    void two_sweeps_at_once_record_one_meeting_missed() throws Exception {
        for (int round = 0; round < 3; round++) {
            Instant threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
            String series = importSeriesWithPastMeeting(ORG, threeDaysAgo, nextWeek()).statusCode(201)
                    .extract().path("series[0]");

            CountDownLatch go = new CountDownLatch(1);
            Instant now = Instant.now();
            Callable<Integer> oneInstance = () -> {
                go.await();
                return sweep.sweep(now);
            };
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> sweeps = List.of(instances.submit(oneInstance), instances.submit(oneInstance));
                go.countDown();
                for (Future<Integer> done : sweeps) {
                    done.get();
                }
            } finally {
                instances.shutdown();
            }

            assertEquals(1, missedEvents(UUID.fromString(series)), "one MeetingMissed, however many sweeps ran");
            as(ORG).get("/series/{id}/meetings", series).then().body("items.status", contains("MISSED", "SCHEDULED"));
        }
    }

    private long missedEvents(UUID series) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from event where stream_id = ? and event_type = 'oneonone.meetings.MeetingMissed'")) {
            query.setObject(1, series);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
