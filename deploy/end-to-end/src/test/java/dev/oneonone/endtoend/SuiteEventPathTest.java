package dev.oneonone.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.oneonone.kit.openapi.ApiVocabulary;
import dev.oneonone.local.ServiceProcess;
import dev.oneonone.local.SuiteService;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Runs the three packaged services together on a fresh PostgreSQL and Kafka, and follows a scheduled meeting from
 * meetings-service through Kafka to agenda-service and insights-service, using only their REST APIs.
 *
 * <p>Service logs: {@code deploy/end-to-end/target/e2e-logs/<service>.log}.
 */
@ExtendWith(RunningSuite.Shared.class)
class SuiteEventPathTest {

    private static final String ORGANISATION = "e2e-org";
    private static final String OTHER_ORGANISATION = "other-org";
    private static final Duration EVENT_ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private static RunningSuite suite;
    private static SuiteClient client;

    @BeforeAll
    static void useTheSuite(RunningSuite running) {
        suite = running;
        client = running.client(ORGANISATION);
    }

    @Test
    void theThreeOpenApiDocumentsSpeakOneVocabularyWithOperationIdsUniqueAcrossTheSuite() {
        Map<String, String> documents = new LinkedHashMap<>();
        for (SuiteService service : SuiteService.values()) {
            documents.put(service.name(), RestAssured.given().baseUri(suite.url(service))
                    .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        }
        ApiVocabulary.assertFollowed(documents);
    }

    @Test
    void aScheduledMeetingReachesAgendaAndInsights() {
        UUID leaderId = UUID.randomUUID();
        UUID companionId = UUID.randomUUID();
        // Whole seconds, so the instant survives every service's JSON unchanged.
        Instant scheduledFor = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);

        Response seriesAnswer = expectStatus(201, client.startSeries("""
                {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT",
                 "cadence": "WEEKLY", "timeZone": "Europe/Berlin"}
                """.formatted(leaderId, companionId)), SuiteService.MEETINGS);
        String seriesId = seriesAnswer.jsonPath().getString("id");
        assertNotNull(seriesId, "series id in " + seriesAnswer.asString());
        assertEquals("\"1\"", seriesAnswer.header("ETag"), "a new series is at version 1");

        Response meetingAnswer = expectStatus(201, client.scheduleMeeting(seriesId, seriesAnswer.header("ETag"), """
                {"scheduledFor": "%s"}
                """.formatted(scheduledFor)), SuiteService.MEETINGS);
        String meetingId = meetingAnswer.jsonPath().getString("id");
        assertNotNull(meetingId, "meeting id in " + meetingAnswer.asString());
        assertTrue(meetingAnswer.jsonPath().getBoolean("firstOfSeries"), "the series' first meeting is marked so");

        JsonPath agenda = awaitAnswer("agenda-service knows meeting " + meetingId,
                () -> client.agenda(meetingId, companionId),
                answer -> answer.statusCode() == 200,
                SuiteService.AGENDA).jsonPath();
        assertEquals(seriesId, agenda.getString("seriesId"));
        assertEquals(leaderId.toString(), agenda.getString("leaderId"));
        assertEquals(companionId.toString(), agenda.getString("companionId"));
        assertTrue(agenda.getBoolean("firstOfSeries"));
        assertEquals(scheduledFor, Instant.parse(agenda.getString("scheduledFor")));

        JsonPath insight = awaitAnswer("insights-service has meeting " + meetingId + " as the next and only one of series "
                        + seriesId,
                () -> client.seriesInsight(seriesId),
                answer -> answer.statusCode() == 200
                        && meetingId.equals(answer.jsonPath().getString("nextMeeting.meetingId"))
                        && answer.jsonPath().getInt("meetingsScheduled") == 1,
                SuiteService.INSIGHTS).jsonPath();
        assertEquals("WEEKLY", insight.getString("cadence"));

        // the same person id in another organisation is another person, and HR there sees nothing of this one
        SuiteClient otherOrganisation = client.forOrganisation(OTHER_ORGANISATION);
        expectStatus(404, otherOrganisation.agenda(meetingId, companionId), SuiteService.AGENDA);
        expectStatus(404, otherOrganisation.seriesInsight(seriesId), SuiteService.INSIGHTS);
    }

    @Test
    void anUndiscussedTopicIsCarriedOverToTheNextMeetingWithTheOpenAgreement() {
        UUID leaderId = UUID.randomUUID();
        UUID companionId = UUID.randomUUID();
        Instant firstAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Response series = expectStatus(201, client.startSeries("""
                {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT",
                 "cadence": "WEEKLY", "timeZone": "Europe/Berlin"}
                """.formatted(leaderId, companionId)), SuiteService.MEETINGS);
        String seriesId = series.jsonPath().getString("id");
        Response first = expectStatus(201, client.scheduleMeeting(seriesId, series.header("ETag"),
                "{\"scheduledFor\": \"" + firstAt + "\"}"), SuiteService.MEETINGS);
        Response second = expectStatus(201, client.scheduleMeeting(seriesId, first.header("ETag"),
                "{\"scheduledFor\": \"" + firstAt.plus(Duration.ofDays(7)) + "\"}"), SuiteService.MEETINGS);
        String firstId = first.jsonPath().getString("id");
        String secondId = second.jsonPath().getString("id");
        for (String meeting : List.of(firstId, secondId)) {
            awaitAnswer("agenda-service knows meeting " + meeting, () -> client.agenda(meeting, companionId),
                    answer -> answer.statusCode() == 200, SuiteService.AGENDA);
        }
        // the series' first meeting starts from the first-meeting template: its questions are the leader's topics
        JsonPath firstAgenda = client.agenda(firstId, leaderId).jsonPath();
        List<String> templateTopics = firstAgenda.getList("sections[3].topics.id");
        assertFalse(templateTopics.isEmpty(), "the first meeting starts from the template: " + firstAgenda.prettify());
        assertEquals(List.of(), client.agenda(secondId, leaderId).jsonPath().getList("topics"),
                "only the first meeting starts from the template");

        // both sides prepare the first meeting; the companion's topic and the template's stay undiscussed
        String companionsTopic = expectStatus(201, client.addTopic(firstId, companionId,
                "{\"title\": \"Moving to the platform team?\", \"kind\": \"CAREER\", \"askOtherSideToPrepare\": true}"),
                SuiteService.AGENDA).jsonPath().getString("id");
        String leadersTopic = expectStatus(201, client.addTopic(firstId, leaderId,
                "{\"title\": \"Feedback on the incident review\", \"kind\": \"FEEDBACK\"}"),
                SuiteService.AGENDA).jsonPath().getString("id");
        expectStatus(200, client.markDiscussed(firstId, leadersTopic, companionId), SuiteService.AGENDA);
        String agreementId = expectStatus(201, client.makeAgreement(firstId, leaderId,
                "{\"wording\": \"Write up the on-call proposal\", \"ownerId\": \"" + companionId
                        + "\", \"dueOn\": \"" + LocalDate.now().plusDays(10) + "\"}"),
                SuiteService.AGENDA).jsonPath().getString("id");

        // the first meeting is held (recorded by the HR platform on meetings-service)
        expectStatus(200, client.recordHeld(seriesId, firstId, second.header("ETag"),
                "{\"heldAt\": \"" + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                        + "\", \"actualMinutes\": 30, \"mode\": \"REMOTE\"}"), SuiteService.MEETINGS);

        int carried = templateTopics.size() + 1;
        JsonPath next = awaitAnswer("the undiscussed topics reach meeting " + secondId,
                () -> client.agenda(secondId, leaderId),
                answer -> answer.statusCode() == 200 && answer.jsonPath().getList("topics").size() == carried,
                SuiteService.AGENDA).jsonPath();
        assertEquals(List.of("COMPANION_TOPICS", "CARRIED_OVER", "AGREEMENTS_TO_REVIEW", "LEADER_TOPICS"),
                next.getList("sections.kind"));
        List<String> expectedCarried = new ArrayList<>(templateTopics);
        expectedCarried.add(companionsTopic);
        List<String> carriedIds = next.getList("sections[1].topics.id");
        assertEquals(new HashSet<>(expectedCarried), new HashSet<>(carriedIds),
                "the companion's topic and the template's undiscussed questions are carried over");
        assertEquals(carried, carriedIds.size());
        int companions = carriedIds.indexOf(companionsTopic);
        assertEquals("Moving to the platform team?", next.getString("sections[1].topics[" + companions + "].title"));
        assertEquals("COMPANION", next.getString("sections[1].topics[" + companions + "].authorRole"));
        assertEquals(Collections.nCopies(carried, 1), next.<Integer>getList("sections[1].topics.timesCarried"));
        assertEquals(Collections.nCopies(carried, firstId), next.getList("sections[1].topics.carriedFromMeetingId"));
        assertEquals(List.of(agreementId), next.getList("sections[2].agreements.id"));
        assertEquals("OPEN", next.getString("sections[2].agreements[0].status"));

        // the held meeting keeps the topic that was discussed there
        JsonPath held = client.agenda(firstId, companionId).jsonPath();
        assertEquals("HELD", held.getString("status"));
        assertEquals(List.of(leadersTopic), held.getList("topics.id"));
    }

    @Test
    void theProductionProfileRefusesTheLocalSigningKey() throws Exception {
        Path log = suite.logsDirectory().resolve("meetings-service-prod-refusal.log");
        Map<String, String> environment = Map.of(
                "QUARKUS_PROFILE", "prod",
                "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_DATASOURCE_REACTIVE_URL", suite.postgres().reactiveUrl(SuiteService.MEETINGS.database()),
                "QUARKUS_DATASOURCE_JDBC_URL", suite.postgres().jdbcUrl(SuiteService.MEETINGS.database()),
                "QUARKUS_DATASOURCE_USERNAME", suite.postgres().username(),
                "QUARKUS_DATASOURCE_PASSWORD", suite.postgres().password(),
                "KAFKA_BOOTSTRAP_SERVERS", suite.kafka().bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", suite.signingKey().verificationKeys().toUri().toString());

        ServiceProcess refused = ServiceProcess.start(SuiteService.MEETINGS, suite.repositoryRoot(), 0, environment, log);
        try {
            refused.onExit().get(2, TimeUnit.MINUTES);
        } finally {
            if (refused.isAlive()) {
                refused.kill();
            }
        }

        assertNotEquals(0, refused.exitValue(), "meetings-service must not start in prod with the local key");
        assertTrue(Files.readString(log).contains("local use only"), () -> "the log says why:\n" + refused.logTail());
    }

    /** The answer, if it has {@code status}; else fails with it and the last lines of the answering service's log. */
    private static Response expectStatus(int status, Response answer, SuiteService answeredBy) {
        assertEquals(status, answer.statusCode(), () -> answeredBy.module() + " answered " + answer.statusCode() + " "
                + answer.asString() + suite.logTails(answeredBy));
        return answer;
    }

    /**
     * Calls until {@code arrived} accepts the answer. On timeout fails with the last answer and the last lines of
     * meetings-service's log (it publishes the events) and of the consuming service's log.
     */
    private static Response awaitAnswer(String expectation, Callable<Response> call, Predicate<Response> arrived,
            SuiteService consumer) {
        AtomicReference<Response> lastAnswer = new AtomicReference<>();
        try {
            return await(expectation)
                    .atMost(EVENT_ARRIVAL_TIMEOUT)
                    .pollInterval(POLL_INTERVAL)
                    .until(() -> {
                        Response answer = call.call();
                        lastAnswer.set(answer);
                        return answer;
                    }, arrived);
        } catch (ConditionTimeoutException e) {
            Response last = lastAnswer.get();
            String lastAnswerText = last == null ? "none" : last.statusCode() + " " + last.asString();
            return fail(e.getMessage() + "\nLast answer: " + lastAnswerText
                    + suite.logTails(SuiteService.MEETINGS, consumer));
        }
    }
}
