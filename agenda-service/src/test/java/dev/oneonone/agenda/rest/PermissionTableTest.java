package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.oneonone.local.PermissionTable;
import dev.oneonone.local.PermissionTable.Expectation;
import dev.oneonone.local.PermissionTable.Rule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** One test per cell of the agenda rows of the permission table in docs/security.md. */
@QuarkusTest
class PermissionTableTest {
    private static final String TOPIC = """
            {"title": "Permission table topic", "kind": "PLANNING", "askOtherSideToPrepare": false}""";

    @TestFactory
    Stream<DynamicTest> every_cell_of_the_table() {
        List<Rule> rules = PermissionTable.of("agenda");
        assertFalse(rules.isEmpty(), "docs/security.md has rows for agenda");
        return rules.stream().flatMap(rule -> rule.expectations().entrySet().stream()
                .map(cell -> DynamicTest.dynamicTest(rule.name() + " by " + cell.getKey(),
                        () -> check(rule, cell.getKey(), cell.getValue()))));
    }

    private static String agreement(UUID owner) {
        return "{\"wording\": \"Permission table agreement\", \"ownerId\": \"" + owner + "\"}";
    }

    /** The body each write of the table sends; null for a request without one. */
    private static String bodyOf(Rule rule, UUID meeting, UUID participant) {
        String path = rule.path();
        if (path.endsWith("/topics")) {
            return TOPIC;
        }
        if (path.endsWith("/agreements") && "POST".equals(rule.method())) {
            return agreement(participant);
        }
        if (path.endsWith("/drop")) {
            return "{\"reason\": \"OTHER\"}";
        }
        if (path.endsWith("/due-date")) {
            return "{\"dueOn\": \"2027-01-01\"}";
        }
        if (path.equals("/organisation/retention") && "PUT".equals(rule.method())) {
            return "{\"contentRetentionDays\": 365}";
        }
        if (path.equals("/imports/agenda-history")) {
            return "{\"meetings\": [{\"meetingId\": \"" + meeting + "\", \"topics\": [{\"authorId\": \"" + participant
                    + "\", \"title\": \"Imported\", \"kind\": \"PLANNING\", \"addedAt\": \""
                    + Instant.now().minusSeconds(3600) + "\"}]}]}";
        }
        return null;
    }

    private static void check(Rule rule, String actor, Expectation expected) throws Exception {
        String organisation = "perm-" + UUID.randomUUID().toString().substring(0, 8);
        UUID participant = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, UUID.randomUUID(), participant)),
                envelope(organisation, 2, meetingScheduled(series, meeting, Instant.now().plusSeconds(86_400), true)));
        awaitAgenda(personToken(organisation, participant), meeting);
        String token = PermissionTable.tokenOf(actor, organisation, participant);

        String path = rule.path().replace("{meeting}", meeting.toString()).replace("{series}", series.toString())
                .replace("{person}", participant.toString());
        if (path.contains("{agreement}")) {
            String agreement = RestAssured.given().auth().oauth2(personToken(organisation, participant))
                    .contentType("application/json").body(agreement(participant))
                    .post("/meetings/{id}/agreements", meeting).then().statusCode(201).extract().path("id");
            path = path.replace("{agreement}", agreement);
        }
        if (path.contains("{topic}")) {
            String topic = RestAssured.given().auth().oauth2(personToken(organisation, participant))
                    .contentType("application/json").body(TOPIC).post("/meetings/{id}/topics", meeting)
                    .then().statusCode(201).extract().path("id");
            path = path.replace("{topic}", topic);
        }

        NotesAndTemplatesFixture fixture = NotesAndTemplatesFixture.prepare(rule.path(), path, organisation, participant,
                meeting);
        path = fixture.path();

        RequestSpecification request = token == null ? RestAssured.given() : RestAssured.given().auth().oauth2(token);
        String body = bodyOf(rule, meeting, participant);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        if (fixture.body() != null && !rule.method().equals("GET") && !rule.method().equals("DELETE")) {
            request = request.contentType("application/json").body(fixture.body());
        }
        Response response = request.request(rule.method(), path);

        assertEquals(expected.status(), response.statusCode(), response::asString);
        if (expected.listed() != null) {
            assertEquals(expected.listed(), fixture.listedIn(response), response::asString);
        }
        if (!expected.allowed()) {
            assertEquals("application/problem+json", response.contentType());
        }
    }
}
