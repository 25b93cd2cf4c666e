package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An HR platform brings in the topics and agreements of past meetings, with their real dates, all or nothing. */
@QuarkusTest
class AgendaHistoryImportTest {
    private static final String ORG = "acme";

    private final UUID series = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();
    private final UUID past = UUID.randomUUID();
    private final Instant pastStart = Instant.parse("2025-01-07T09:00:00Z");

    private static String integration() {
        return SuiteInfrastructure.signingKey().mint(ORG, "integration-acme", List.of("integration"),
                Duration.ofMinutes(10));
    }

    private void aPastHeldMeeting() throws Exception {
        publish(envelope(ORG, 1, new SeriesStarted(series, leader, companion, Relationship.MANAGER_REPORT,
                        Cadence.WEEKLY, 30, "Europe/Berlin", LocalDate.parse("2025-01-06"), null, null)),
                envelope(ORG, 2, meetingScheduled(series, past, pastStart, true)),
                envelope(ORG, 3, new MeetingHeld(series, past, pastStart.plusSeconds(120), 31, MeetingMode.IN_PERSON)));
        awaitAgenda(personToken(ORG, companion), past);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(given().auth()
                .oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", past).path("status")));
    }

    private String body(UUID meeting, String dropReason) {
        return """
                {"meetings": [{"meetingId": "%1$s",
                  "topics": [
                    {"authorId": "%2$s", "title": "Promotion path to senior", "details": "Gaps?", "kind": "CAREER",
                     "askOtherSideToPrepare": true, "addedAt": "2025-01-03T16:20:00Z", "discussed": true,
                     "discussedAt": "2025-01-07T09:10:00Z"},
                    {"authorId": "%3$s", "title": "Team reshuffle", "kind": "BIG_PICTURE",
                     "addedAt": "2025-01-06T08:00:00Z", "discussed": false}],
                  "agreements": [
                    {"ownerId": "%2$s", "wording": "Draft the growth plan", "madeAt": "2025-01-07T09:25:00Z",
                     "dueOn": "2025-01-14", "dueDateChanges": [{"dueOn": "2025-01-21", "changedAt": "2025-01-13T10:00:00Z"}],
                     "completedAt": "2025-01-20T15:00:00Z"},
                    {"ownerId": "%3$s", "wording": "Ask finance about the budget", "madeAt": "2025-01-07T09:28:00Z",
                     "droppedAt": "2025-02-01T12:00:00Z" %4$s}]}]}"""
                .formatted(meeting, companion, leader, dropReason == null ? "" : ", \"dropReason\": \"" + dropReason + "\"");
    }

    @Test
    void topics_and_agreements_of_a_past_meeting_come_in_with_their_real_dates() throws Exception {
        aPastHeldMeeting();
        Instant before = Instant.now();

        JsonPath result = given().auth().oauth2(integration()).contentType("application/json")
                .body(body(past, "NO_LONGER_NEEDED")).post("/imports/agenda-history").then().statusCode(201)
                .body("meetings[0].meetingId", equalTo(past.toString()))
                .body("meetings[0].topicIds", hasSize(2))
                .body("meetings[0].agreementIds", hasSize(2))
                .extract().jsonPath();

        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", past).then().statusCode(200)
                .body("topics.title", contains("Promotion path to senior", "Team reshuffle"))
                .body("topics.discussed", contains(true, false))
                .body("topics.timesCarried", contains(0, 0))
                .body("agreementsMade.wording", contains("Draft the growth plan", "Ask finance about the budget"))
                .body("agreementsMade.status", contains("COMPLETED", "DROPPED"));

        String kept = result.getString("meetings[0].agreementIds[0]");
        JsonPath agreement = given().auth().oauth2(personToken(ORG, companion)).get("/agreements/{id}", kept).then()
                .statusCode(200)
                .body("agreement.madeAt", equalTo("2025-01-07T09:25:00Z"))
                .body("agreement.closedAt", equalTo("2025-01-20T15:00:00Z"))
                .body("agreement.dueOn", equalTo("2025-01-21"))
                .body("agreement.overdue", equalTo(false))
                .body("history.what", contains("MADE", "DUE_DATE_CHANGED", "COMPLETED"))
                .body("history.at", contains("2025-01-07T09:25:00Z", "2025-01-13T10:00:00Z", "2025-01-20T15:00:00Z"))
                .body("dueDateChanges[0].from", equalTo("2025-01-14"))
                .body("dueDateChanges[0].to", equalTo("2025-01-21"))
                .extract().jsonPath();
        // happened then, recorded now
        for (String recorded : agreement.<String>getList("history.recordedAt")) {
            assertTrue(!Instant.parse(recorded).isBefore(before.truncatedTo(ChronoUnit.SECONDS)), recorded);
        }
        given().auth().oauth2(personToken(ORG, companion)).queryParam("status", "closed")
                .get("/series/{id}/agreements", series).then()
                .body("items.dropReason", containsInAnyOrder(null, "NO_LONGER_NEEDED"));
    }

    @Test
    void one_refused_row_refuses_the_whole_import_and_every_fault_is_named() throws Exception {
        aPastHeldMeeting();
        UUID unknown = UUID.randomUUID();
        String body = """
                {"meetings": [%s, {"meetingId": "%s", "topics": [{"authorId": "%s", "title": "Lost", "kind": "PERSONAL"}]},
                  {"meetingId": "%s", "topics": [{"authorId": "%s", "title": "Stranger", "kind": "PERSONAL",
                   "addedAt": "2199-01-01T00:00:00Z"}]}]}"""
                .formatted(body(past, null).substring("{\"meetings\": [".length(), body(past, null).length() - 2),
                        unknown, companion, past, UUID.randomUUID());

        given().auth().oauth2(integration()).contentType("application/json").body(body)
                .post("/imports/agenda-history").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/import-refused"))
                .body("errors.field", containsInAnyOrder("meetings[0].agreements[1].dropReason",
                        "meetings[1].meetingId", "meetings[2].meetingId"));

        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", past).then()
                .body("topics", hasSize(0)).body("agreementsMade", hasSize(0));
    }

    @Test
    void rows_are_checked_field_by_field() throws Exception {
        aPastHeldMeeting();
        String body = """
                {"meetings": [{"meetingId": "%s", "topics": [{"authorId": "%s", "title": "Stranger", "kind": "PERSONAL",
                   "addedAt": "2199-01-01T00:00:00Z"}],
                  "agreements": [{"ownerId": "%s", "wording": "Both", "madeAt": "2025-01-07T09:25:00Z",
                   "completedAt": "2025-01-01T00:00:00Z"}]}]}""".formatted(past, UUID.randomUUID(), companion);

        given().auth().oauth2(integration()).contentType("application/json").body(body)
                .post("/imports/agenda-history").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("meetings[0].topics[0].authorId",
                        "meetings[0].topics[0].addedAt", "meetings[0].agreements[0].completedAt"));
        given().auth().oauth2(integration()).contentType("application/json")
                .body("{\"meetings\": [{\"topics\": [{\"title\": \"\"}]}]}")
                .post("/imports/agenda-history").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("meetings[0].meetingId", "meetings[0].topics[0].authorId",
                        "meetings[0].topics[0].title", "meetings[0].topics[0].kind"));
    }

    /** Found by the fuzz suite: a string of digits was read as epoch milliseconds, a date in 1970, and stored. */
    @Test
    void a_made_at_of_digits_is_refused_and_nothing_is_imported() throws Exception {
        aPastHeldMeeting();
        for (String digits : List.of("1000", "20261201")) {
            given().auth().oauth2(integration()).contentType("application/json")
                    .body(body(past, "NO_LONGER_NEEDED").replace("\"madeAt\": \"2025-01-07T09:25:00Z\"", "\"madeAt\": \"" + digits + "\""))
                    .post("/imports/agenda-history").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("meetings[0].agreements[0].madeAt"))
                    .body("errors[0].reason", equalTo("not-an-iso-date"));
        }
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", past).then()
                .body("topics", hasSize(0)).body("agreementsMade", hasSize(0));
    }

    @Test
    void only_an_integration_imports() throws Exception {
        aPastHeldMeeting();
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(body(past, "OTHER")).post("/imports/agenda-history").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void a_retried_import_with_its_idempotency_key_imports_nothing_twice() throws Exception {
        aPastHeldMeeting();
        String key = "history-" + UUID.randomUUID();
        String first = given().auth().oauth2(integration()).header("Idempotency-Key", key).contentType("application/json")
                .body(body(past, "NO_LONGER_NEEDED")).post("/imports/agenda-history").then().statusCode(201)
                .extract().asString();

        // the answer was lost, the platform retries: the same ids again, nothing imported twice
        given().auth().oauth2(integration()).header("Idempotency-Key", key).contentType("application/json")
                .body(body(past, "NO_LONGER_NEEDED")).post("/imports/agenda-history").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body(equalTo(first));
        // the same key for another import is refused
        given().auth().oauth2(integration()).header("Idempotency-Key", key).contentType("application/json")
                .body(body(past, "OTHER")).post("/imports/agenda-history").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/idempotency-key-reused"))
                .body("errors.field", contains("Idempotency-Key"));

        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", past).then()
                .body("topics", hasSize(2)).body("agreementsMade", hasSize(2))
                .body("agreementsMade.dropReason", contains(null, "NO_LONGER_NEEDED"));
    }
}
