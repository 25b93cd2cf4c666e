package dev.oneonone.agenda.rest.privacy;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.privacy.AccessRecordWriter;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Issue 18 part 2: agenda-service's part of a person's export. */
@QuarkusTest
class AgendaExportTest {
    @Inject
    AccessRecordWriter writer;

    @Test
    void a_person_gets_their_1on1_content_the_integration_only_its_structure_logged_for_both_participants() throws Exception {
        String org = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        publish(envelope(org, 1, seriesStarted(series, leader, companion)),
                envelope(org, 2, meetingScheduled(series, meeting, Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), false)));
        awaitAgenda(personToken(org, companion), meeting);
        given().auth().oauth2(personToken(org, companion)).contentType("application/json")
                .body(Map.of("title", "Growth plan", "kind", "CAREER")).post("/meetings/{id}/topics", meeting).then().statusCode(201);
        for (Map<String, Object> note : List.<Map<String, Object>>of(Map.of("visibility", "SHARED", "text", "We agreed on pairing"),
                Map.of("visibility", "PRIVATE", "text", "Ask about budget"))) {
            given().auth().oauth2(personToken(org, companion)).contentType("application/json").body(note)
                    .post("/meetings/{id}/notes", meeting).then().statusCode(201);
        }
        given().auth().oauth2(personToken(org, leader)).contentType("application/json")
                .body(Map.of("visibility", "PRIVATE", "text", "The leader's own")).post("/meetings/{id}/notes", meeting).then().statusCode(201);
        given().auth().oauth2(personToken(org, leader)).header("Idempotency-Key", "agreement-" + meeting).contentType("application/json")
                .body(Map.of("wording", "Book the conference", "ownerId", companion.toString()))
                .post("/meetings/{id}/agreements", meeting).then().statusCode(201);

        given().auth().oauth2(personToken(org, companion)).get("/exports/{id}", companion).then().statusCode(200)
                .body("topics.title", contains("Growth plan"))
                .body("topics[0].seriesId", equalTo(series.toString()))
                .body("sharedNotes.text", contains("We agreed on pairing"))
                .body("privateNotes.text", contains("Ask about budget"))
                .body("agreements.wording", contains("Book the conference"))
                .body("topics.contentWithheld", contains(false)).body("agreements.contentWithheld", contains(false));
        given().auth().oauth2(personToken(org, leader)).get("/exports/{id}", leader).then().statusCode(200)
                .body("topics", hasSize(1)).body("privateNotes.text", contains("The leader's own"));
        String integration = SuiteInfrastructure.signingKey().mint(org, "integration-" + org, List.of("integration"), Duration.ofMinutes(5));
        // on the person's behalf: the structure without the 1:1 text, which stays with the two participants
        String onBehalf = given().auth().oauth2(integration).get("/exports/{id}", companion).then().statusCode(200)
                .body("$", not(hasKey("privateNotes"))).body("sharedNotes", hasSize(1))
                .body("topics.kind", contains("CAREER")).body("topics[0].seriesId", equalTo(series.toString()))
                .body("topics.contentWithheld", contains(true)).body("sharedNotes.contentWithheld", contains(true))
                .body("agreements.contentWithheld", contains(true)).body("agreements.status", contains("OPEN"))
                .body("topics[0]", hasKey("title")).body("topics[0].title", nullValue())
                .extract().asString();
        for (String content : List.of("Growth plan", "We agreed on pairing", "Ask about budget", "The leader's own", "Book the conference")) {
            assertFalse(onBehalf.contains(content), content + " is in the export on the person's behalf");
        }
        given().auth().oauth2(personToken(org, leader)).get("/exports/{id}", companion).then().statusCode(404)
                .contentType("application/problem+json");
        writer.write();

        // the integration's read is in the companion's log; the people's own exports and a refused one are in no log
        given().auth().oauth2(personToken(org, companion)).get("/access-records").then().statusCode(200)
                .body("items.kind", contains("AGENDA_EXPORT")).body("items[0].readerId", equalTo("integration-" + org))
                .body("items[0].readerRole", equalTo("integration")).body("next", nullValue());
        // the other participant, whose 1:1s with the companion the export holds, is told once
        given().auth().oauth2(personToken(org, leader)).get("/access-records").then().statusCode(200)
                .body("items.kind", contains("AGENDA_EXPORT")).body("items[0].readerId", equalTo("integration-" + org));
        String bystander = personToken(org, UUID.randomUUID());
        given().auth().oauth2(bystander).get("/access-records").then().statusCode(200).body("items", empty());
        given().auth().oauth2(integration).get("/access-records").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(personToken(org, leader)).get("/access-records?after=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }
}
