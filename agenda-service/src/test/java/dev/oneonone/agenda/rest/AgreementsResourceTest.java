package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AgreementsResourceTest {
    private static final String ORG = "acme";
    private static final LocalDate TODAY_IN_BERLIN = LocalDate.now(ZoneId.of("Europe/Berlin"));

    private final UUID series = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    private void twoMeetings() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, first, Instant.now().plus(2, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS), true)),
                envelope(ORG, 3, meetingScheduled(series, second, Instant.now().plus(9, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS), false)));
        awaitAgenda(personToken(ORG, companion), first);
        awaitAgenda(personToken(ORG, companion), second);
    }

    private static ValidatableResponse make(UUID person, UUID meeting, String wording, UUID owner, LocalDate dueOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("wording", wording);
        body.put("ownerId", owner);
        if (dueOn != null) {
            body.put("dueOn", dueOn.toString());
        }
        return given().auth().oauth2(personToken(ORG, person)).contentType("application/json").body(body)
                .post("/meetings/{id}/agreements", meeting).then();
    }

    private ValidatableResponse as(UUID person, String method, String path, Object... params) {
        return given().auth().oauth2(personToken(ORG, person)).request(method, path, params).then();
    }

    @Test
    void an_agreement_is_made_completed_and_then_refuses_changes() throws Exception {
        twoMeetings();
        String id = make(leader, first, "Write up the on-call proposal", companion, TODAY_IN_BERLIN.plusDays(7))
                .statusCode(201)
                .body("wording", equalTo("Write up the on-call proposal"))
                .body("ownerId", equalTo(companion.toString()))
                .body("ownerRole", equalTo("COMPANION"))
                .body("meetingId", equalTo(first.toString()))
                .body("seriesId", equalTo(series.toString()))
                .body("status", equalTo("OPEN"))
                .body("overdue", equalTo(false))
                .extract().path("id");

        as(companion, "POST", "/agreements/{id}/completion", id).statusCode(200)
                .body("agreement.status", equalTo("COMPLETED"))
                .body("agreement.closedAt", notNullValue())
                .body("history.what", contains("MADE", "COMPLETED"));

        as(leader, "POST", "/agreements/{id}/completion", id).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/agreement-closed"));
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json").body(Map.of("reason", "OTHER"))
                .post("/agreements/{id}/drop", id).then().statusCode(409);
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("dueOn", "2027-01-01")).put("/agreements/{id}/due-date", id).then().statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/agreement-closed"));
        as(leader, "GET", "/agreements/{id}", id).statusCode(200).body("history.what", contains("MADE", "COMPLETED"));
    }

    @Test
    void due_date_changes_are_kept_and_overdue_is_derived() throws Exception {
        twoMeetings();
        LocalDate past = TODAY_IN_BERLIN.minusDays(2);
        String id = make(companion, first, "Book the team offsite", leader, past).statusCode(201)
                .body("ownerRole", equalTo("LEADER"))
                .body("overdue", equalTo(true))
                .extract().path("id");

        LocalDate later = TODAY_IN_BERLIN.plusDays(5);
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("dueOn", later.toString())).put("/agreements/{id}/due-date", id).then().statusCode(200)
                .body("agreement.dueOn", equalTo(later.toString()))
                .body("agreement.overdue", equalTo(false));
        // the same date again records nothing
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("dueOn", later.toString())).put("/agreements/{id}/due-date", id).then().statusCode(200);

        as(companion, "GET", "/agreements/{id}", id).statusCode(200)
                .body("dueDateChanges", hasSize(1))
                .body("dueDateChanges[0].from", equalTo(past.toString()))
                .body("dueDateChanges[0].to", equalTo(later.toString()))
                .body("dueDateChanges[0].at", notNullValue())
                .body("history.what", contains("MADE", "DUE_DATE_CHANGED"))
                .body("history[0].dueOn", equalTo(past.toString()));

        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("reason", "SUPERSEDED")).post("/agreements/{id}/drop", id).then().statusCode(200)
                .body("agreement.status", equalTo("DROPPED"))
                .body("agreement.dropReason", equalTo("SUPERSEDED"))
                .body("history.what", contains("MADE", "DUE_DATE_CHANGED", "DROPPED"))
                .body("history[2].reason", equalTo("SUPERSEDED"));
    }

    @Test
    void open_agreements_are_reviewed_at_every_later_meeting_until_closed() throws Exception {
        twoMeetings();
        String open = make(companion, first, "Pair with the new hire", companion, null).statusCode(201)
                .body("dueOn", nullValue()).extract().path("id");
        String done = make(companion, first, "Share the roadmap draft", leader, TODAY_IN_BERLIN).statusCode(201)
                .extract().path("id");
        as(leader, "POST", "/agreements/{id}/completion", done).statusCode(200);

        as(companion, "GET", "/meetings/{id}/agenda", second).statusCode(200)
                .body("sections[2].kind", equalTo("AGREEMENTS_TO_REVIEW"))
                .body("sections[2].agreements.id", contains(open))
                .body("sections[2].agreements[0].wording", equalTo("Pair with the new hire"))
                .body("agreementsMade", hasSize(0));
        // made at the first meeting: listed there as made, not to review
        as(leader, "GET", "/meetings/{id}/agenda", first).statusCode(200)
                .body("sections[2].agreements", hasSize(0))
                .body("agreementsMade.id", contains(open, done));
    }

    @Test
    void a_series_agreements_are_listed_by_status_page_by_page() throws Exception {
        twoMeetings();
        String a = make(companion, first, "First promise", companion, null).statusCode(201).extract().path("id");
        String b = make(companion, first, "Second promise", leader, null).statusCode(201).extract().path("id");
        String c = make(leader, first, "Third promise", leader, null).statusCode(201).extract().path("id");
        as(leader, "POST", "/agreements/{id}/completion", b).statusCode(200);

        String next = given().auth().oauth2(personToken(ORG, leader)).queryParam("limit", 1)
                .get("/series/{id}/agreements", series).then().statusCode(200)
                .body("items.id", contains(a)).body("next", notNullValue()).extract().path("next");
        given().auth().oauth2(personToken(ORG, leader)).queryParam("limit", 1).queryParam("after", next)
                .get("/series/{id}/agreements", series).then().statusCode(200)
                .body("items.id", contains(c)).body("next", nullValue());
        given().auth().oauth2(personToken(ORG, companion)).queryParam("status", "closed")
                .get("/series/{id}/agreements", series).then().body("items.id", contains(b));
        given().auth().oauth2(personToken(ORG, companion)).queryParam("status", "all")
                .get("/series/{id}/agreements", series).then().body("items.id", contains(a, b, c));

        given().auth().oauth2(personToken(ORG, companion)).queryParam("status", "pending")
                .get("/series/{id}/agreements", series).then().statusCode(400).body("errors.field", contains("status"));
        given().auth().oauth2(personToken(ORG, companion)).queryParam("limit", 0)
                .get("/series/{id}/agreements", series).then().statusCode(400).body("errors.field", contains("limit"));
        given().auth().oauth2(personToken(ORG, companion)).queryParam("after", "not-a-cursor")
                .get("/series/{id}/agreements", series).then().statusCode(400).body("errors.field", contains("after"));
    }

    /** Issue 12 follow-up: the 201 of makeAgreement answers madeAt as every later read does (microseconds, as stored). */
    @Test
    void an_agreement_reads_back_as_it_was_made() throws Exception {
        twoMeetings();
        var made = make(companion, first, "Same instant twice", companion, null).statusCode(201).extract();
        String id = made.path("id");
        String madeAt = made.path("madeAt");
        as(companion, "GET", "/agreements/{id}", id).statusCode(200).header("ETag", made.header("ETag"))
                .body("agreement.madeAt", org.hamcrest.Matchers.equalTo(madeAt));
        String fraction = madeAt.contains(".") ? madeAt.substring(madeAt.indexOf('.') + 1, madeAt.length() - 1) : "";
        org.junit.jupiter.api.Assertions.assertTrue(fraction.length() <= 6, madeAt + " has at most microseconds");
    }

    @Test
    void only_the_two_participants_see_or_change_agreements() throws Exception {
        twoMeetings();
        String id = make(companion, first, "Private promise", companion, null).statusCode(201).extract().path("id");
        UUID stranger = UUID.randomUUID();

        as(stranger, "GET", "/agreements/{id}", id).statusCode(404).contentType("application/problem+json");
        as(stranger, "POST", "/agreements/{id}/completion", id).statusCode(404);
        as(stranger, "GET", "/series/{id}/agreements", series).statusCode(404);
        make(stranger, first, "Not my meeting", stranger, null).statusCode(404);
        given().auth().oauth2(personToken("globex", companion)).get("/agreements/{id}", id).then().statusCode(404);
        as(companion, "GET", "/agreements/{id}", UUID.randomUUID()).statusCode(404);
    }

    @Test
    void invalid_fields_are_named_and_nothing_is_made() throws Exception {
        twoMeetings();
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(Map.of("wording", "")).post("/meetings/{id}/agreements", first).then().statusCode(400)
                .body("errors.field", contains("ownerId", "wording"));
        make(companion, first, "x".repeat(1001), companion, null).statusCode(400).body("errors.field", contains("wording"));
        make(companion, first, "Someone else promised", UUID.randomUUID(), null).statusCode(400)
                .body("errors.field", contains("ownerId"));
        String id = make(companion, first, "Valid", companion, null).statusCode(201).extract().path("id");
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json").body("{}")
                .post("/agreements/{id}/drop", id).then().statusCode(400).body("errors.field", hasItem("reason"));

        given().auth().oauth2(personToken(ORG, companion)).queryParam("status", "all")
                .get("/series/{id}/agreements", series).then().body("items.id", contains(id));
    }

    @Test
    void no_agreement_is_made_at_a_cancelled_meeting() throws Exception {
        twoMeetings();
        publish(envelope(ORG, 4, new MeetingCancelled(series, first, ActorRole.LEADER, leader, CancelReason.ILLNESS)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(given().auth()
                .oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", first).path("status")));

        make(companion, first, "Too late", companion, null).statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/meeting-did-not-take-place"));
    }

    @Test
    void an_agreements_etag_is_its_version_and_a_stale_if_match_changes_nothing() throws Exception {
        twoMeetings();
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> made =
                make(companion, first, "Write up the on-call proposal", companion, TODAY_IN_BERLIN.plusDays(7))
                        .statusCode(201).header("ETag", equalTo("\"1\"")).extract();
        String id = made.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(made.header("Location").endsWith("/agreements/" + id),
                made.header("Location"));
        as(leader, "GET", "/agreements/{id}", id).statusCode(200).header("ETag", equalTo("\"1\""));

        LocalDate later = TODAY_IN_BERLIN.plusDays(14);
        given().auth().oauth2(personToken(ORG, leader)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("dueOn", later.toString())).put("/agreements/{id}/due-date", id).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));

        // the companion still holds version 1: each change is refused and changes nothing
        given().auth().oauth2(personToken(ORG, companion)).header("If-Match", "\"1\"")
                .post("/agreements/{id}/completion", id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/agreement-changed"));
        given().auth().oauth2(personToken(ORG, companion)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("reason", "OTHER")).post("/agreements/{id}/drop", id).then().statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/agreement-changed"));
        given().auth().oauth2(personToken(ORG, companion)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("dueOn", TODAY_IN_BERLIN.plusDays(3).toString())).put("/agreements/{id}/due-date", id)
                .then().statusCode(409).body("type", equalTo("https://oneonone.dev/problems/agreement-changed"));
        given().auth().oauth2(personToken(ORG, companion)).header("If-Match", "one")
                .post("/agreements/{id}/completion", id).then().statusCode(400).body("errors.field", contains("If-Match"));
        as(companion, "GET", "/agreements/{id}", id).statusCode(200).header("ETag", equalTo("\"2\""))
                .body("agreement.status", equalTo("OPEN"))
                .body("agreement.dueOn", equalTo(later.toString()))
                .body("history.what", contains("MADE", "DUE_DATE_CHANGED"));

        // the same date again records nothing, so the version stays; with the current version the change goes through
        given().auth().oauth2(personToken(ORG, companion)).header("If-Match", "\"2\"").contentType("application/json")
                .body(Map.of("dueOn", later.toString())).put("/agreements/{id}/due-date", id).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        given().auth().oauth2(personToken(ORG, companion)).header("If-Match", "W/\"2\"")
                .post("/agreements/{id}/completion", id).then().statusCode(200).header("ETag", equalTo("\"3\""))
                .body("agreement.status", equalTo("COMPLETED"));
    }

    @Test
    void a_retried_agreement_is_made_once() throws Exception {
        twoMeetings();
        String key = "agreement-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("wording", "Pair with the new hire", "ownerId", companion.toString());
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> made = given().auth()
                .oauth2(personToken(ORG, leader)).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/meetings/{id}/agreements", first).then().statusCode(201).extract();

        given().auth().oauth2(personToken(ORG, leader)).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/meetings/{id}/agreements", first).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("ETag", equalTo(made.header("ETag")))
                .header("Location", equalTo(made.header("Location")))
                .body("id", equalTo(made.path("id")));
        // the same key for another agreement is refused, and makes nothing
        given().auth().oauth2(personToken(ORG, leader)).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("wording", "Something else", "ownerId", leader.toString()))
                .post("/meetings/{id}/agreements", first).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/idempotency-key-reused"))
                .body("errors.field", contains("Idempotency-Key"));

        given().auth().oauth2(personToken(ORG, companion)).queryParam("status", "all")
                .get("/series/{id}/agreements", series).then().body("items.id", contains((String) made.path("id")));
    }
}
