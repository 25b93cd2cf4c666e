package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static dev.oneonone.agenda.rest.TopicsResourceTest.addTopic;
import static dev.oneonone.agenda.rest.TopicsResourceTest.topic;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TopicOrderResourceTest {
    private static final String ORG = "acme";

    private final UUID series = UUID.randomUUID();
    private final UUID meeting = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();

    private void aScheduledMeeting(Instant at) throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, meeting, at, false)));
        awaitAgenda(personToken(ORG, companion), meeting);
    }

    private String add(UUID person, String title) {
        return addTopic(person, meeting, topic(title, "PLANNING")).statusCode(201).extract().path("id");
    }

    private ValidatableResponse reorder(UUID person, List<String> order, String ifMatch) {
        var request = given().auth().oauth2(personToken(ORG, person)).contentType("application/json")
                .body(Map.of("topicIds", order));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/meetings/{id}/topics/order", meeting).then();
    }

    @Test
    void either_side_reorders_and_the_agenda_runs_by_the_new_order_within_each_side() throws Exception {
        aScheduledMeeting(Instant.now().plus(2, ChronoUnit.DAYS));
        String c1 = add(companion, "Promotion path");
        String l1 = add(leader, "Reorg next quarter");
        String c2 = add(companion, "Vacation in March");
        String l2 = add(leader, "Incident review feedback");

        reorder(leader, List.of(l2, c2, l1, c1), null).statusCode(200)
                .header("ETag", equalTo("\"5\""))
                .body("topics.id", contains(l2, c2, l1, c1));

        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then().statusCode(200)
                .header("ETag", equalTo("\"5\""))
                .body("topics.title", contains("Vacation in March", "Promotion path", "Incident review feedback",
                        "Reorg next quarter"));

        // a topic added after the reorder comes after the reordered ones of its side
        add(companion, "Conference budget");
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics.title", contains("Vacation in March", "Promotion path", "Conference budget",
                        "Incident review feedback", "Reorg next quarter"));
    }

    @Test
    void an_order_that_is_not_the_agendas_topics_exactly_once_changes_nothing() throws Exception {
        aScheduledMeeting(Instant.now().plus(2, ChronoUnit.DAYS));
        String a = add(companion, "First");
        String b = add(companion, "Second");

        reorder(companion, List.of(b), null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/topic-order-mismatch"))
                .body("detail", containsString(a));
        reorder(companion, List.of(b, a, UUID.randomUUID().toString()), null).statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/topic-order-mismatch"));
        reorder(companion, List.of(b, a, b), null).statusCode(400)
                .body("errors.field", contains("topicIds[2]"));
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json").body(Map.of())
                .put("/meetings/{id}/topics/order", meeting).then().statusCode(400)
                .body("errors.field", hasItem("topicIds"));

        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .header("ETag", equalTo("\"2\""))
                .body("topics.title", contains("First", "Second"));
    }

    @Test
    void a_stale_if_match_is_409_and_the_current_one_goes_through() throws Exception {
        aScheduledMeeting(Instant.now().plus(2, ChronoUnit.DAYS));
        String a = add(companion, "First");
        String etag = given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", meeting)
                .then().extract().header("ETag");
        String b = add(companion, "Second");

        reorder(leader, List.of(b, a), etag).statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/version-conflict"));
        reorder(leader, List.of(b, a), "\"2\"").statusCode(200).header("ETag", equalTo("\"3\""));
        reorder(leader, List.of(a, b), "yesterday").statusCode(400).body("errors.field", contains("If-Match"));

        // If-Match works on adding topics and marking them discussed as well
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .header("If-Match", "\"2\"").body(topic("Too late", "CAREER"))
                .post("/meetings/{id}/topics", meeting).then().statusCode(409);
        given().auth().oauth2(personToken(ORG, companion)).header("If-Match", "\"3\"")
                .post("/meetings/{m}/topics/{t}/discussed", meeting, a).then().statusCode(200)
                .header("ETag", equalTo("\"4\""));
    }

    @Test
    void no_reordering_once_the_meeting_started() throws Exception {
        aScheduledMeeting(Instant.now().minus(1, ChronoUnit.HOURS));

        reorder(companion, List.of(UUID.randomUUID().toString()), null).statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/meeting-not-open"));
    }

    @Test
    void someone_else_or_a_director_cannot_reorder() throws Exception {
        aScheduledMeeting(Instant.now().plus(2, ChronoUnit.DAYS));
        String a = add(companion, "Only one");

        reorder(UUID.randomUUID(), List.of(a), null).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(dev.oneonone.local.SuiteInfrastructure.signingKey().mint(ORG, UUID.randomUUID().toString(),
                        List.of("director"), java.time.Duration.ofMinutes(5)))
                .contentType("application/json").body(Map.of("topicIds", List.of(a)))
                .put("/meetings/{id}/topics/order", meeting).then().statusCode(403);
    }
}
