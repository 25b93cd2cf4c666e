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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.application.templates.BuiltInTemplate;
import dev.oneonone.agenda.application.templates.TemplateQuestion;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Topics move on when meetings-service says a meeting ended, as its participants then see on the agendas. The
 * meetings under test are scheduled as not the series' first, so that only the topics a test adds are on them; the
 * last test shows that the first-meeting template's questions on a held first meeting carry over like any topic.
 */
@QuarkusTest
class CarryOverResourceTest {
    private static final String ORG = "acme";

    private final UUID series = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID third = UUID.randomUUID();

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private String idOf(UUID person, UUID meeting, String title, String kind) {
        return addTopic(person, meeting, topic(title, kind)).statusCode(201).extract().path("id");
    }

    private JsonPath agenda(UUID meeting) {
        return given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .statusCode(200).extract().jsonPath();
    }

    private void awaitTopics(UUID meeting, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> agenda(meeting).getList("topics").size() == count);
    }

    @Test
    void a_held_meeting_passes_its_undiscussed_topics_to_the_next_one() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, first, inDays(2), false)),
                envelope(ORG, 3, meetingScheduled(series, second, inDays(9), false)));
        awaitAgenda(personToken(ORG, companion), first);
        awaitAgenda(personToken(ORG, companion), second);
        String promotion = idOf(companion, first, "Promotion path to senior", "CAREER");
        String reshuffle = idOf(leader, first, "Team reshuffle next quarter", "BIG_PICTURE");
        String vacation = idOf(companion, first, "Vacation in March", "PLANNING");
        given().auth().oauth2(personToken(ORG, leader)).post("/meetings/{m}/topics/{t}/discussed", first, promotion)
                .then().statusCode(200);
        String ownOnSecond = idOf(leader, second, "Hiring plan", "PLANNING");
        String companionsOnSecond = idOf(companion, second, "Conference budget", "CAREER");

        EventEnvelope held = envelope(ORG, 4, new MeetingHeld(series, first, Instant.now(), 30, MeetingMode.REMOTE));
        publish(held, held);
        awaitTopics(second, 4);

        JsonPath next = agenda(second);
        // run order: the companion's own, the carried over (whoever wrote them), the leader's own
        List<String> expected = List.of(companionsOnSecond, reshuffle, vacation, ownOnSecond);
        org.junit.jupiter.api.Assertions.assertEquals(expected, next.getList("topics.id"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(0, 1, 1, 0), next.getList("topics.timesCarried"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("COMPANION_TOPICS", "CARRIED_OVER", "AGREEMENTS_TO_REVIEW",
                "LEADER_TOPICS"), next.getList("sections.kind"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(reshuffle, vacation), next.getList("sections[1].topics.id"));
        // nothing a person wrote is lost: same id, title, author's side; and where it came from
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", second).then()
                .body("sections[1].topics.title", contains("Team reshuffle next quarter", "Vacation in March"))
                .body("sections[1].topics.authorRole", contains("LEADER", "COMPANION"))
                .body("sections[1].topics.carriedFromMeetingId", contains(first.toString(), first.toString()))
                .body("sections[1].topics.discussed", contains(false, false));
        // the held meeting keeps what was discussed there
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", first).then()
                .body("topics.id", contains(promotion));
        // a carried topic is discussed where it went, not where it came from
        given().auth().oauth2(personToken(ORG, leader)).post("/meetings/{m}/topics/{t}/discussed", first, vacation)
                .then().statusCode(409).body("type", equalTo("https://oneonone.dev/problems/topic-carried-over"));
        given().auth().oauth2(personToken(ORG, leader)).post("/meetings/{m}/topics/{t}/discussed", second, vacation)
                .then().statusCode(200).body("timesCarried", equalTo(1));
    }

    /**
     * Issue 14 follow-up, case 7: a meeting recorded held with a backdated heldAt (the event's time) passes its topics
     * to the next meeting that will take place as of when the record was made: not to a meeting that started between
     * heldAt and then (it takes no more topics), but to the one after it.
     */
    @Test
    void a_backdated_held_record_passes_topics_to_the_meeting_next_as_of_the_record_not_one_that_has_started() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, first, inDays(2), false)),
                envelope(ORG, 3, meetingScheduled(series, third, inDays(9), false)));
        awaitAgenda(personToken(ORG, companion), first);
        awaitAgenda(personToken(ORG, companion), third);
        String open = idOf(companion, first, "Promotion path to senior", "CAREER");
        // a meeting that started ten minutes ago (its event as meetings-service recorded it then)
        publish(envelope(ORG, 4, meetingScheduled(series, second, now.minus(10, ChronoUnit.MINUTES), false),
                now.minus(1, ChronoUnit.DAYS)));
        awaitAgenda(personToken(ORG, companion), second);

        // held "yesterday", recorded now: as of yesterday the started meeting was next, as of now the 9-day one is
        EventEnvelope held = envelope(ORG, 5, new MeetingHeld(series, first, now.minus(1, ChronoUnit.DAYS), 30,
                MeetingMode.REMOTE), now.minus(1, ChronoUnit.DAYS), now);
        publish(held);
        awaitTopics(third, 1);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(open), agenda(third).getList("topics.id"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), agenda(second).getList("topics.id"));
    }

    @Test
    void a_cancelled_meetings_topics_wait_for_the_next_meeting_and_count_each_carry() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, first, inDays(2), false)));
        awaitAgenda(personToken(ORG, companion), first);
        String workload = idOf(companion, first, "Workload is too high", "WELLBEING");
        String discussed = idOf(leader, first, "Incident review", "FEEDBACK");
        given().auth().oauth2(personToken(ORG, leader)).post("/meetings/{m}/topics/{t}/discussed", first, discussed)
                .then().statusCode(200);

        // cancelled with no next meeting: every topic waits, still on the cancelled meeting's agenda
        publish(envelope(ORG, 3, new MeetingCancelled(series, first, ActorRole.LEADER, leader, CancelReason.ILLNESS)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "CANCELLED".equals(agenda(first).getString("status")));
        org.junit.jupiter.api.Assertions.assertEquals(2, agenda(first).getList("topics").size());

        // the next meeting is scheduled: both arrive, carried once
        publish(envelope(ORG, 4, meetingScheduled(series, second, inDays(9), false)));
        awaitAgenda(personToken(ORG, companion), second);
        awaitTopics(second, 2);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(workload, discussed), agenda(second).getList("topics.id"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(1, 1), agenda(second).getList("topics.timesCarried"));
        org.junit.jupiter.api.Assertions.assertEquals(0, agenda(first).getList("topics").size());

        // cancelled again, the next meeting already there: carried a second time
        publish(envelope(ORG, 5, meetingScheduled(series, third, inDays(16), false)),
                envelope(ORG, 6, new MeetingCancelled(series, second, ActorRole.COMPANION, companion,
                        CancelReason.OTHER)));
        awaitAgenda(personToken(ORG, companion), third);
        awaitTopics(third, 2);
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", third).then()
                .body("topics.id", contains(workload, discussed))
                .body("topics.timesCarried", contains(2, 2))
                .body("topics.carriedFromMeetingId", contains(second.toString(), second.toString()))
                .body("sections[1].topics", hasSize(2));
    }

    @Test
    void topics_carried_over_keep_their_details_and_flag() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, first, inDays(2), false)),
                envelope(ORG, 3, meetingScheduled(series, second, inDays(9), false)));
        awaitAgenda(personToken(ORG, companion), second);
        addTopic(companion, first, Map.of("title", "Promotion path to senior", "details", "Which gaps remain?",
                "kind", "CAREER", "askOtherSideToPrepare", true)).statusCode(201);

        publish(envelope(ORG, 4, new MeetingHeld(series, first, Instant.now(), 25, MeetingMode.IN_PERSON)));
        awaitTopics(second, 1);

        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", second).then()
                .body("topics[0].title", equalTo("Promotion path to senior"))
                .body("topics[0].details", equalTo("Which gaps remain?"))
                .body("topics[0].askOtherSideToPrepare", equalTo(true))
                .body("topics[0].authorRole", equalTo("COMPANION"));
    }

    @Test
    void the_first_meetings_template_topics_left_undiscussed_carry_over_like_any_topic() throws Exception {
        // an organisation of its own, so that no template another test defines replaces the built-in one
        String organisation = "first-meeting-" + UUID.randomUUID();
        String leaderToken = personToken(organisation, leader);
        List<String> questions = BuiltInTemplate.FIRST_MEETING.questions().stream().map(TemplateQuestion::text).toList();
        publish(envelope(organisation, 1, seriesStarted(series, leader, companion)),
                envelope(organisation, 2, meetingScheduled(series, first, inDays(2), true)),
                envelope(organisation, 3, meetingScheduled(series, second, inDays(9), false)));
        awaitAgenda(leaderToken, second);
        JsonPath onFirst = awaitAgenda(leaderToken, first).extract().jsonPath();
        // the first meeting starts from the template: its questions are the leader's topics
        org.junit.jupiter.api.Assertions.assertEquals(questions, onFirst.getList("sections[3].topics.title"));
        String confidentiality = onFirst.getString("sections[3].topics[0].id");
        given().auth().oauth2(leaderToken).post("/meetings/{m}/topics/{t}/discussed", first, confidentiality)
                .then().statusCode(200);
        String own = given().auth().oauth2(personToken(organisation, companion)).contentType("application/json")
                .body(topic("Workload is too high", "WELLBEING")).post("/meetings/{id}/topics", first).then()
                .statusCode(201).extract().path("id");

        publish(envelope(organisation, 4, new MeetingHeld(series, first, Instant.now(), 45, MeetingMode.IN_PERSON)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(leaderToken).get("/meetings/{id}/agenda", second).then()
                        .extract().jsonPath().getList("topics").size() == questions.size());

        // the four questions not discussed and the companion's topic moved on; the discussed one stayed
        List<String> carried = new java.util.ArrayList<>(questions.subList(1, questions.size()));
        carried.add("Workload is too high");
        given().auth().oauth2(leaderToken).get("/meetings/{id}/agenda", second).then()
                .body("firstOfSeries", equalTo(false))
                .body("sections[0].topics", hasSize(0))
                .body("sections[1].topics.title", containsInAnyOrder(carried.toArray()))
                .body("sections[1].topics.timesCarried", everyItem(equalTo(1)))
                .body("sections[1].topics.carriedFromMeetingId", everyItem(equalTo(first.toString())))
                .body("sections[1].topics.findAll { it.id == '" + own + "' }.authorRole", contains("COMPANION"))
                .body("sections[1].topics.findAll { it.authorRole == 'LEADER' }", hasSize(questions.size() - 1))
                .body("sections[3].topics", hasSize(0));
        given().auth().oauth2(leaderToken).get("/meetings/{id}/agenda", first).then()
                .body("topics.id", contains(confidentiality));
    }
}
