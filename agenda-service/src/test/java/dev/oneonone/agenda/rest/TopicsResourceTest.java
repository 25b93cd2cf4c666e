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
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
class TopicsResourceTest {
    private static final String ORG = "acme";

    private final UUID series = UUID.randomUUID();
    private final UUID meeting = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();

    private void aScheduledMeeting() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, meeting,
                        Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), false)));
        awaitAgenda(personToken(ORG, companion), meeting);
    }

    static ValidatableResponse addTopic(UUID person, UUID meeting, Map<String, Object> body) {
        return given().auth().oauth2(personToken(ORG, person)).contentType("application/json").body(body)
                .post("/meetings/{id}/topics", meeting).then();
    }

    static Map<String, Object> topic(String title, String kind) {
        return Map.of("title", title, "kind", kind, "askOtherSideToPrepare", false);
    }

    @Test
    void both_sides_add_topics_and_the_companions_run_first() throws Exception {
        aScheduledMeeting();

        addTopic(leader, meeting, topic("Team reshuffle next quarter", "BIG_PICTURE")).statusCode(201)
                .body("authorRole", equalTo("LEADER")).body("discussed", equalTo(false));
        addTopic(companion, meeting, Map.of("title", "Promotion path to senior", "details", "Which gaps remain?",
                "kind", "CAREER", "askOtherSideToPrepare", true)).statusCode(201)
                .body("title", equalTo("Promotion path to senior"))
                .body("details", equalTo("Which gaps remain?"))
                .body("kind", equalTo("CAREER"))
                .body("authorRole", equalTo("COMPANION"))
                .body("askOtherSideToPrepare", equalTo(true));
        addTopic(leader, meeting, topic("Feedback on the incident review", "FEEDBACK")).statusCode(201);
        addTopic(companion, meeting, topic("Vacation in March", "PLANNING")).statusCode(201)
                .body("details", nullValue());

        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", meeting).then().statusCode(200)
                .body("topics.title", contains("Promotion path to senior", "Vacation in March",
                        "Team reshuffle next quarter", "Feedback on the incident review"))
                .body("topics.authorRole", contains("COMPANION", "COMPANION", "LEADER", "LEADER"))
                .body("topics.kind", contains("CAREER", "PLANNING", "BIG_PICTURE", "FEEDBACK"));
    }

    @Test
    void a_body_over_the_limit_is_413_and_adds_nothing() throws Exception {
        aScheduledMeeting();

        addTopic(companion, meeting, Map.of("title", "Too long", "details", "x".repeat(1_100_000), "kind", "CAREER",
                "askOtherSideToPrepare", false))
                .statusCode(413).contentType("application/problem+json");

        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void a_topic_is_marked_discussed_once() throws Exception {
        aScheduledMeeting();
        String topic = addTopic(companion, meeting, topic("Workload is too high", "WELLBEING")).statusCode(201)
                .extract().path("id");

        given().auth().oauth2(personToken(ORG, leader)).post("/meetings/{m}/topics/{t}/discussed", meeting, topic)
                .then().statusCode(200).body("discussed", equalTo(true)).body("id", equalTo(topic));
        given().auth().oauth2(personToken(ORG, companion)).post("/meetings/{m}/topics/{t}/discussed", meeting, topic)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/topic-already-discussed"));
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics.discussed", contains(true));
        given().auth().oauth2(personToken(ORG, companion))
                .post("/meetings/{m}/topics/{t}/discussed", meeting, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void no_topic_goes_on_a_cancelled_meeting() throws Exception {
        aScheduledMeeting();
        publish(envelope(ORG, 3, new MeetingCancelled(series, meeting, ActorRole.LEADER, leader, CancelReason.ILLNESS)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth()
                .oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).path("status")
                .equals("CANCELLED"));

        addTopic(companion, meeting, topic("Too late for this", "PROBLEM")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/meeting-not-open"))
                .body("status", equalTo(409));
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics.size()", equalTo(0));
    }

    @Test
    void no_topic_goes_on_a_meeting_in_the_past() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, meeting, Instant.now().minus(1, ChronoUnit.HOURS), true)));
        awaitAgenda(personToken(ORG, companion), meeting);

        addTopic(leader, meeting, topic("Yesterday's news", "DECISION")).statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/meeting-not-open"));
    }

    @Test
    void invalid_fields_are_named_in_the_problem() throws Exception {
        aScheduledMeeting();

        addTopic(companion, meeting, Map.of("title", "", "details", "x".repeat(2001), "askOtherSideToPrepare", false))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("details"))
                .body("errors.field", hasItem("kind"));
        addTopic(companion, meeting, topic("t".repeat(201), "CAREER")).statusCode(400)
                .body("errors.field", contains("title"));
    }

    @Test
    void an_unknown_meeting_or_someone_elses_is_404() throws Exception {
        aScheduledMeeting();

        addTopic(UUID.randomUUID(), meeting, topic("Not my meeting", "PERSONAL")).statusCode(404)
                .contentType("application/problem+json");
        addTopic(companion, UUID.randomUUID(), topic("No such meeting", "PERSONAL")).statusCode(404);
    }
}
