package dev.oneonone.insights.rest;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Today" is taken in each organisation's time zone: the test profile sets
 * {@code insights.time-zones.tz-east=Pacific/Kiritimati} (UTC+14) and {@code tz-west=Pacific/Pago_Pago}
 * (UTC−11), 25 hours apart, so their todays always differ; other organisations use the default (UTC).
 */
@QuarkusTest
class OrganisationTimeZoneTest {

    @Test
    void a_request_without_a_date_is_answered_as_of_today_in_the_organisations_time_zone() throws Exception {
        LocalDate east = todayOf("tz-east", ZoneId.of("Pacific/Kiritimati"));
        LocalDate west = todayOf("tz-west", ZoneId.of("Pacific/Pago_Pago"));
        assertNotEquals(east, west);
        todayOf("tz-default-" + UUID.randomUUID().toString().substring(0, 8), ZoneId.of("UTC"));
    }

    /** Checks the series and the rollup answer as of today in the zone, and answers that day. */
    private static LocalDate todayOf(String organisation, ZoneId zone) throws Exception {
        UUID series = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, UUID.randomUUID(), UUID.randomUUID())));
        String token = SuiteInfrastructure.signingKey().mint(organisation, "integration-" + organisation,
                List.of("integration"), Duration.ofMinutes(10));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/series/{id}", series).statusCode() == 200);

        LocalDate before = LocalDate.now(zone);
        String seriesAsOf = given().auth().oauth2(token).get("/series/{id}", series).then().statusCode(200)
                .extract().path("figures.asOf");
        String rollupAsOf = given().auth().oauth2(token).get("/rollups/organisation").then().statusCode(200)
                .extract().path("asOf");
        LocalDate after = LocalDate.now(zone);
        // the zone's midnight may pass between the two readings of the clock
        Set<String> today = new java.util.TreeSet<>(List.of(before.toString(), after.toString()));
        assertTrue(today.contains(seriesAsOf), organisation + ": series as of " + seriesAsOf + ", not " + today);
        assertTrue(today.contains(rollupAsOf), organisation + ": rollup as of " + rollupAsOf + ", not " + today);
        return before;
    }
}
