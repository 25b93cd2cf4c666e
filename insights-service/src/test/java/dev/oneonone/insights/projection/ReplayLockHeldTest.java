package dev.oneonone.insights.projection;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A replay keeps its advisory lock for as long as it runs, also past the pool's 5 s read-idle timeout (kit
 * {@code DatabaseTimeouts}): its lock session used to read nothing while the replay ran, so that timeout closed it
 * after 5 s and the lock was gone, and another instance could have started a replay of its own. Here the replay
 * holds 10 s before its swap; 7 s in, another session must still be refused the lock, and the replay ends DONE.
 */
@QuarkusTest
@TestProfile(ReplayLockHeldTest.LongReplay.class)
class ReplayLockHeldTest {
    /** A replay that waits 10 s before its swap: longer than the 5 s read-idle timeout of the lock's session. */
    public static class LongReplay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("insights.replay.hold-before-swap", "10s");
        }
    }

    @Test
    void the_lock_is_held_for_the_whole_replay_past_the_read_idle_timeout() throws Exception {
        String org = "replay-lock-" + UUID.randomUUID().toString().substring(0, 8);
        publish(envelope(org, 1, seriesStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())));
        String token = integrationToken(org);
        given().auth().oauth2(token).post("/admin/projections/replay").then().statusCode(202);
        assertFalse(lockTakenByAnotherSession(), "another session took the replay's lock as the replay started");

        // 7 s in, past the read-idle timeout, the replay still runs: it holds 10 s before its swap alone
        Awaitility.await().pollDelay(Duration.ofSeconds(7)).until(() -> true);
        assertEquals("RUNNING", state(token));
        assertFalse(lockTakenByAnotherSession(), "another session took the replay's lock 7 s into the replay");

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(state(token)));
        assertEquals("DONE", state(token));
    }

    /** Whether a session of its own gets the replay's lock (and gives it back at once). */
    private static boolean lockTakenByAnotherSession() throws Exception {
        LocalPostgres postgres = SuiteInfrastructure.postgres();
        try (Connection other = DriverManager.getConnection(postgres.jdbcUrl("insights"), postgres.username(),
                postgres.password()); Statement statement = other.createStatement()) {
            boolean taken;
            try (ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + ProjectionReplay.LOCK_KEY + ")")) {
                result.next();
                taken = result.getBoolean(1);
            }
            if (taken) {
                statement.execute("select pg_advisory_unlock(" + ProjectionReplay.LOCK_KEY + ")");
            }
            return taken;
        }
    }

    private static String state(String token) {
        return given().auth().oauth2(token).get("/admin/projections/replay").then().statusCode(200).extract().path("state");
    }
}
