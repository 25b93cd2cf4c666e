package dev.oneonone.insights.rest.privacy;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static dev.oneonone.insights.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.insights.MeetingsEventsFeed.personToken;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.insights.SmallOrganisation;
import dev.oneonone.kit.privacy.AccessRecordWriter;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Issue 18: reads of a person's figures by HR (or a director, an integration) are in that person's access log. */
@QuarkusTest
class FigureReadsLogTest {
    @Inject
    AccessRecordWriter writer;

    private static String hrToken(String organisation) {
        return SuiteInfrastructure.signingKey().mint(organisation, "hr-" + organisation, List.of("hr"), Duration.ofMinutes(10));
    }

    private static String seriesOf(String organisation, UUID leader, UUID companion) throws Exception {
        UUID series = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, leader, companion)),
                envelope(organisation, 2, meetingScheduled(series, UUID.randomUUID(), Instant.now().plusSeconds(86_400), true)));
        String seen = personToken(organisation, companion);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> RestAssured.given().auth().oauth2(seen).get("/series/{id}", series).statusCode() == 200);
        return series.toString();
    }

    @Test
    void a_hr_read_of_a_series_and_its_trend_appears_in_both_participants_logs() throws Exception {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String series = seriesOf(org, leader, companion);
        writer.write(); // the participant's own reads above: none recorded

        RestAssured.given().auth().oauth2(hrToken(org)).get("/series/{id}", series).then().statusCode(200);
        RestAssured.given().auth().oauth2(hrToken(org)).get("/series/{id}/trend?weeks=2", series).then().statusCode(200);
        writer.write();

        for (UUID person : new UUID[] { leader, companion }) {
            RestAssured.given().auth().oauth2(personToken(org, person)).get("/access-records").then().statusCode(200)
                    .body("items.kind", contains("SERIES_TREND", "SERIES_FIGURES"))
                    .body("items.readerId", contains("hr-" + org, "hr-" + org))
                    .body("items.readerRole", contains("hr", "hr"))
                    .body("items.resourceId", contains(series, series))
                    .body("next", nullValue());
        }
    }

    @Test
    void a_participant_reading_with_an_hr_token_of_their_own_is_no_one_elses_read() throws Exception {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String series = seriesOf(org, leader, companion);
        writer.write();
        // the manager's own HR token (subject: their person id, role hr only) reading their own series' figures
        String hrOfTheLeader = SuiteInfrastructure.signingKey().mint(org, leader.toString(), List.of("hr"), Duration.ofMinutes(5));
        RestAssured.given().auth().oauth2(hrOfTheLeader).get("/series/{id}", series).then().statusCode(200);
        RestAssured.given().auth().oauth2(hrToken(org)).get("/series/{id}", series).then().statusCode(200);
        writer.write();

        for (UUID person : new UUID[] { leader, companion }) {
            RestAssured.given().auth().oauth2(personToken(org, person)).get("/access-records").then().statusCode(200)
                    .body("items.kind", contains("SERIES_FIGURES")).body("items.readerId", contains("hr-" + org));
        }
    }

    @Test
    void the_participants_reads_and_aggregates_are_not_recorded_a_list_of_figures_is() throws Exception {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String series = seriesOf(org, leader, companion);
        RestAssured.given().auth().oauth2(personToken(org, leader)).get("/series/{id}/trend", series).then().statusCode(200);
        RestAssured.given().auth().oauth2(hrToken(org)).get("/rollups/organisation").then().statusCode(200);
        writer.write();
        RestAssured.given().auth().oauth2(personToken(org, leader)).get("/access-records").then().statusCode(200)
                .body("items", empty());

        RestAssured.given().auth().oauth2(integrationToken(org)).get("/series").then().statusCode(200);
        writer.write();
        RestAssured.given().auth().oauth2(personToken(org, companion)).get("/access-records?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("SERIES_FIGURES_LIST"))
                .body("items[0].readerRole", equalTo("integration")).body("next", nullValue());
    }

    @Test
    void the_figures_export_holds_the_persons_series_for_them_and_the_integration_only() throws Exception {
        String org = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String series = seriesOf(org, leader, companion);

        RestAssured.given().auth().oauth2(personToken(org, companion)).get("/exports/{id}", companion).then().statusCode(200)
                .body("seriesFigures", hasSize(1)).body("seriesFigures[0].seriesId", equalTo(series));
        RestAssured.given().auth().oauth2(integrationToken(org)).get("/exports/{id}", leader).then().statusCode(200)
                .body("seriesFigures[0].leaderId", equalTo(leader.toString()));
        RestAssured.given().auth().oauth2(personToken(org, leader)).get("/exports/{id}", companion).then().statusCode(404)
                .contentType("application/problem+json");
        writer.write();

        // the integration's export of the leader is in the leader's log and in the companion's, whose series it holds
        // too, once each (the people's own exports, and a refused one, are in nobody's)
        for (UUID person : new UUID[] { leader, companion }) {
            RestAssured.given().auth().oauth2(personToken(org, person)).get("/access-records").then().statusCode(200)
                    .body("items.kind", contains("FIGURES_EXPORT")).body("items[0].readerRole", equalTo("integration"))
                    .body("items[0].resourceId", equalTo(leader.toString()));
        }
        RestAssured.given().auth().oauth2(personToken(org, UUID.randomUUID())).get("/access-records").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void a_read_of_a_managers_figures_and_trend_is_in_the_managers_log() throws Exception {
        SmallOrganisation org = SmallOrganisation.seeded();
        String hr = hrToken(org.id);
        RestAssured.given().auth().oauth2(hr).get("/rollups/managers/{id}", org.m1).then().statusCode(200);
        RestAssured.given().auth().oauth2(hr).get("/trends?scope=manager:" + org.m1 + "&weeks=2").then().statusCode(200);
        RestAssured.given().auth().oauth2(hr).get("/trends?scope=team:PLATFORM&weeks=2").then().statusCode(200);
        writer.write();

        // the newest two (the seeding's rollup reads named m1's series in attention lists before); the team's trend,
        // read last, recorded nothing for m1
        RestAssured.given().auth().oauth2(personToken(org.id, org.m1)).get("/access-records?limit=2").then().statusCode(200)
                .body("items.kind", contains("MANAGER_TREND", "MANAGER_FIGURES"))
                .body("items.readerId", contains("hr-" + org.id, "hr-" + org.id));

        String managers = RestAssured.given().auth().oauth2(hr).get("/rollups/managers?limit=1").then().statusCode(200)
                .extract().path("items[0].scope.key");
        writer.write();
        RestAssured.given().auth().oauth2(personToken(org.id, UUID.fromString(managers))).get("/access-records?limit=1")
                .then().statusCode(200).body("items[0].kind", equalTo("MANAGER_FIGURES"));
    }
}
