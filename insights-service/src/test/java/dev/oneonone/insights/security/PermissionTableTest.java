package dev.oneonone.insights.security;

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

import dev.oneonone.local.PermissionTable;
import dev.oneonone.local.PermissionTable.Expectation;
import dev.oneonone.local.PermissionTable.Rule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** One test per cell of the insights rows of the permission table in docs/security.md. */
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
        String token = PermissionTable.tokenOf(actor, organisation, participant);

        RequestSpecification request = token == null ? RestAssured.given() : RestAssured.given().auth().oauth2(token);
        String path = rule.path().replace("{series}", series.toString());
        Response response = rule.method().equals("POST") ? request.post(path) : request.get(path);

        assertEquals(expected.status(), response.statusCode(), response::asString);
        if (expected.listed() != null) {
            List<String> listed = response.jsonPath().getList("items.seriesId");
            assertEquals(expected.listed(), listed.contains(series.toString()), response::asString);
        }
        if (!expected.allowed()) {
            assertEquals("application/problem+json", response.contentType());
        }
    }
}
