package dev.oneonone.insights.rest;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.insights.MeetingsEventsFeed.personToken;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.local.PermissionTable;
import dev.oneonone.local.PermissionTable.Expectation;
import dev.oneonone.local.PermissionTable.Rule;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One test per cell of the insights rows of the permission table in docs/security.md. The participant is
 * the series' companion; the director is the participant's manager in the directory (a director sees
 * the series whose companion is in their reporting subtree), registered only for the director's cells.
 */
@QuarkusTest
class PermissionTableTest {

    @TestFactory
    Stream<DynamicTest> every_cell_of_the_table() {
        List<Rule> rules = PermissionTable.of("insights");
        assertFalse(rules.isEmpty(), "docs/security.md has rows for insights");
        return rules.stream().flatMap(rule -> rule.expectations().entrySet().stream()
                .map(cell -> DynamicTest.dynamicTest(rule.name() + " by " + cell.getKey(),
                        () -> check(rule, cell.getKey(), cell.getValue()))));
    }

    private static void check(Rule rule, String actor, Expectation expected) throws Exception {
        String organisation = "perm-" + UUID.randomUUID().toString().substring(0, 8);
        UUID participant = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, UUID.randomUUID(), participant)),
                envelope(organisation, 2, meetingScheduled(series, meeting, Instant.now().plusSeconds(86_400), true)));
        String seen = personToken(organisation, participant);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> RestAssured.given().auth().oauth2(seen).get("/series/{id}", series).statusCode() == 200);
        String token = actor.equals("director") ? managerAsDirector(organisation, participant)
                : PermissionTable.tokenOf(actor, organisation, participant);

        RequestSpecification request = token == null ? RestAssured.given() : RestAssured.given().auth().oauth2(token);
        String path = rule.path().replace("{series}", series.toString()).replace("{person}", participant.toString());
        Response response = rule.method().equals("POST") ? request.post(path) : request.get(path);

        assertEquals(expected.status(), response.statusCode(), response::asString);
        if (expected.listed() != null) {
            List<String> listed = response.jsonPath().getList("items.seriesId");
            assertEquals(expected.listed(), listed.contains(series.toString()), response::asString);
        }
        if (!expected.allowed()) {
            assertEquals("application/problem+json", response.contentType());
        }
        if (expected.allowed() && path.equals("/admin/projections/replay")) {
            // a replay this cell started runs on after it: let it finish before the next test uses the tables
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"RUNNING".equals(RestAssured.given().auth().oauth2(token).get(path).path("state")));
        }
    }

    /** Registers the participant with a new manager and answers a director token of that manager. */
    private static String managerAsDirector(String organisation, UUID participant) throws Exception {
        UUID director = UUID.randomUUID();
        publish(envelope(organisation, 1, new PersonRegistered(director, null, null, null)),
                envelope(organisation, 1, new PersonRegistered(participant, null, null, director)));
        String token = SuiteInfrastructure.signingKey().mint(organisation, director.toString(), List.of("director"),
                Duration.ofMinutes(10));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> RestAssured.given().auth().oauth2(token).get("/rollups/subtrees/{id}", director),
                        r -> r.statusCode() == 200 && Integer.valueOf(1).equals(r.path("figures.people")));
        return token;
    }
}
