package dev.oneonone.insights.projection;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 13, several instances: a replay run by another instance of insights-service (here: its copies of the
 * tables and its advisory lock, made by the test) is fed by this instance's consumer too, so no event consumed
 * here during that replay is missing from the rebuilt tables; and a second replay is refused while it runs.
 */
@QuarkusTest
class ReplayAcrossInstancesTest {
    private static final String ORG = "replay-instances";

    @Inject
    ProjectionReplay replay;

    @Test
    void this_instance_feeds_the_copies_of_a_replay_run_by_another_and_does_not_start_a_second() throws Exception {
        LocalPostgres postgres = SuiteInfrastructure.postgres();
        try (Connection otherInstance = DriverManager.getConnection(postgres.jdbcUrl("insights"), postgres.username(),
                postgres.password())) {
            try (Statement statement = otherInstance.createStatement()) {
                // what the other instance's replay does first: its lock, then the copies
                statement.execute("select pg_advisory_lock(" + ProjectionReplay.LOCK_KEY + ")");
                for (String table : replay.tables()) {
                    statement.execute("drop table if exists " + table + "_next");
                    statement.execute("create table " + table + "_next (like " + table + " including all)");
                }
            }
            try {
                UUID series = UUID.randomUUID();
                publish(envelope(ORG, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID())));
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> rows(otherInstance, "series_timeline_next", series) == 1
                                && rows(otherInstance, "series_timeline", series) == 1);

                given().auth().oauth2(integrationToken(ORG)).post("/admin/projections/replay").then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://oneonone.dev/problems/replay-running"));
            } finally {
                try (Statement statement = otherInstance.createStatement()) {
                    for (String table : replay.tables()) {
                        statement.execute("drop table if exists " + table + "_next");
                    }
                    statement.execute("select pg_advisory_unlock(" + ProjectionReplay.LOCK_KEY + ")");
                }
            }
            // the copies are gone: the consumer writes the live tables only, and goes on
            UUID later = UUID.randomUUID();
            publish(envelope(ORG, 1, seriesStarted(later, UUID.randomUUID(), UUID.randomUUID())));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rows(otherInstance, "series_timeline", later) == 1);
        }
    }

    private static long rows(Connection connection, String table, UUID series) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from " + table + " where series_id = ?")) {
            query.setObject(1, series);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
