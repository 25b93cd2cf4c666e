package dev.oneonone.agenda.rest.fuzz;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.kit.fuzz.FuzzOperation;
import dev.oneonone.kit.fuzz.FuzzSuite;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Every write operation of agenda-service driven with malformed requests (the kit's {@link FuzzSuite}); each must be
 * answered 4xx with a problem document and store no event. {@code -Dfuzz.requests=5000} runs it longer.
 */
@QuarkusTest
class AgendaFuzzTest {
    private static final String ORG = "fuzz";

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    private final UUID series = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();

    @TestFactory
    Stream<DynamicTest> every_write_operation_refuses_malformed_input_and_stores_nothing() throws Exception {
        List<FuzzOperation> operations = operations();
        awaitNoMoreEvents();
        return new FuzzSuite(base.toURI(), this::lastEventPosition).tests(operations);
    }

    private long lastEventPosition() {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select coalesce(max(position), 0) from event")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The consumers may still store events of the meetings published in the set-up (carry-over, templates). */
    private void awaitNoMoreEvents() {
        AtomicLong last = new AtomicLong(-1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> last.getAndSet(lastEventPosition()) == last.get());
    }

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private List<FuzzOperation> operations() throws Exception {
        Instant soon = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<UUID> meetings = new ArrayList<>();
        List<dev.oneonone.events.EventEnvelope> events = new ArrayList<>();
        events.add(envelope(ORG, 1, seriesStarted(series, leader, companion)));
        for (int i = 0; i < 6; i++) {
            UUID meeting = UUID.randomUUID();
            meetings.add(meeting);
            events.add(envelope(ORG, 2 + i, meetingScheduled(series, meeting, soon.plus(i, ChronoUnit.DAYS), false)));
        }
        publish(events.toArray(dev.oneonone.events.EventEnvelope[]::new));
        String companionToken = personToken(ORG, companion);
        String leaderToken = personToken(ORG, leader);
        for (UUID meeting : meetings) {
            awaitAgenda(companionToken, meeting);
        }
        UUID adding = meetings.get(0);
        UUID discussing = meetings.get(1);
        UUID ordering = meetings.get(2);
        UUID noting = meetings.get(3);
        UUID applying = meetings.get(4);
        UUID agreeing = meetings.get(5);
        String hr = SuiteInfrastructure.signingKey().mint(ORG, "hr-" + ORG, List.of("hr"), Duration.ofMinutes(10));
        String integration = SuiteInfrastructure.signingKey().mint(ORG, "integration-" + ORG, List.of("integration"),
                Duration.ofMinutes(10));

        String discussed = topic(companionToken, discussing);
        String firstTopic = topic(companionToken, ordering);
        String secondTopic = topic(leaderToken, ordering);
        String note = as(companionToken).body(Map.of("visibility", "SHARED", "text", "A note"))
                .post("/meetings/{id}/notes", noting).then().statusCode(201).extract().path("id");
        String template = """
                {"name":"Fuzz template","firstMeeting":false,"questions":[
                 {"text":"What went well?","kind":"PERSONAL","askOtherSideToPrepare":true},
                 {"text":"What is next?","kind":"PLANNING","askOtherSideToPrepare":false}]}""";
        String changing = as(hr).body(template).post("/templates").then().statusCode(201).extract().path("id");
        String deleting = as(hr).body(template).post("/templates").then().statusCode(201).extract().path("id");
        String applied = as(hr).body(template).post("/templates").then().statusCode(201).extract().path("id");
        String agreement = """
                {"wording":"Write up the proposal","ownerId":"%s","dueOn":"%s"}""".formatted(companion,
                LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(7));
        String completing = agreement(leaderToken, agreeing, agreement);
        String dropping = agreement(leaderToken, agreeing, agreement);
        String moving = agreement(leaderToken, agreeing, agreement);

        UUID pastSeries = UUID.randomUUID();
        UUID past = UUID.randomUUID();
        Instant pastStart = Instant.parse("2025-01-07T09:00:00Z");
        publish(envelope(ORG, 1, new SeriesStarted(pastSeries, leader, companion, Relationship.MANAGER_REPORT,
                        Cadence.WEEKLY, 30, "Europe/Berlin", LocalDate.parse("2025-01-06"), null, null)),
                envelope(ORG, 2, meetingScheduled(pastSeries, past, pastStart, false)),
                envelope(ORG, 3, new MeetingHeld(pastSeries, past, pastStart.plusSeconds(120), 31, MeetingMode.IN_PERSON)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(given().auth()
                .oauth2(companionToken).get("/meetings/{id}/agenda", past).path("status")));
        String history = """
                {"meetings":[{"meetingId":"%1$s","topics":[
                  {"authorId":"%2$s","title":"Promotion path","details":"Gaps?","kind":"CAREER","askOtherSideToPrepare":true,
                   "addedAt":"2025-01-03T16:20:00Z","discussed":true,"discussedAt":"2025-01-07T09:10:00Z"}],
                 "agreements":[
                  {"ownerId":"%2$s","wording":"Draft the growth plan","madeAt":"2025-01-07T09:25:00Z","dueOn":"2025-01-14",
                   "dueDateChanges":[{"dueOn":"2025-01-21","changedAt":"2025-01-13T10:00:00Z"}],
                   "completedAt":"2025-01-20T15:00:00Z"},
                  {"ownerId":"%3$s","wording":"Ask finance","madeAt":"2025-01-07T09:28:00Z",
                   "droppedAt":"2025-02-01T12:00:00Z","dropReason":"NO_LONGER_NEEDED"}]}]}""".formatted(past, companion, leader);

        return List.of(
                FuzzOperation.of("POST", "/meetings/" + adding + "/topics", companionToken, """
                        {"title":"Moving to the platform team?","details":"What would it look like?","kind":"CAREER",
                         "askOtherSideToPrepare":true}""")
                        .named("POST /meetings/{meeting}/topics").nullable("details", "askOtherSideToPrepare")
                        .multiline("details").withIfMatch().withIdempotencyKey(),
                FuzzOperation.of("POST", "/meetings/" + discussing + "/topics/" + discussed + "/discussed", companionToken, null)
                        .named("POST /meetings/{meeting}/topics/{topic}/discussed").withIfMatch(),
                FuzzOperation.of("PUT", "/meetings/" + ordering + "/topics/order", companionToken,
                        "{\"topicIds\":[\"" + secondTopic + "\",\"" + firstTopic + "\"]}")
                        .named("PUT /meetings/{meeting}/topics/order").withIfMatch(),
                FuzzOperation.of("POST", "/meetings/" + noting + "/notes", companionToken,
                        "{\"visibility\":\"SHARED\",\"text\":\"Agreed to try pairing.\\nThen decide.\"}")
                        .named("POST /meetings/{meeting}/notes").multiline("text").withIdempotencyKey(),
                FuzzOperation.of("PUT", "/notes/" + note, companionToken, "{\"text\":\"Edited.\\nTwice.\"}")
                        .named("PUT /notes/{note}").multiline("text").withIfMatch(),
                FuzzOperation.of("POST", "/templates", hr, template)
                        .named("POST /templates").nullable("firstMeeting", "askOtherSideToPrepare").withIdempotencyKey(),
                FuzzOperation.of("PUT", "/templates/" + changing, hr, template)
                        .named("PUT /templates/{template}").nullable("firstMeeting", "askOtherSideToPrepare").withIfMatch(),
                FuzzOperation.of("DELETE", "/templates/" + deleting, hr, null)
                        .named("DELETE /templates/{template}").withIfMatch(),
                FuzzOperation.of("POST", "/meetings/" + applying + "/templates/" + applied + "/application", companionToken,
                        null)
                        .named("POST /meetings/{meeting}/templates/{template}/application").withIfMatch()
                        .withIdempotencyKey(),
                FuzzOperation.of("POST", "/meetings/" + agreeing + "/agreements", leaderToken, agreement)
                        .named("POST /meetings/{meeting}/agreements").nullable("dueOn").withIdempotencyKey(),
                FuzzOperation.of("POST", "/agreements/" + completing + "/completion", companionToken, null)
                        .named("POST /agreements/{agreement}/completion").withIfMatch(),
                FuzzOperation.of("POST", "/agreements/" + dropping + "/drop", companionToken,
                        "{\"reason\":\"NO_LONGER_NEEDED\"}")
                        .named("POST /agreements/{agreement}/drop").withIfMatch(),
                FuzzOperation.of("PUT", "/agreements/" + moving + "/due-date", companionToken, "{\"dueOn\":\""
                        + LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14) + "\"}")
                        .named("PUT /agreements/{agreement}/due-date").nullable("dueOn").withIfMatch(),
                FuzzOperation.of("PUT", "/organisation/retention", hr, "{\"contentRetentionDays\":365}")
                        .named("PUT /organisation/retention").nullable("contentRetentionDays"),
                FuzzOperation.of("POST", "/imports/agenda-history", integration, history)
                        .named("POST /imports/agenda-history")
                        .nullable("topics", "agreements", "details", "askOtherSideToPrepare", "addedAt", "discussed",
                                "discussedAt", "madeAt", "dueOn", "dueDateChanges", "completedAt", "droppedAt",
                                "dropReason")
                        .withIdempotencyKey().maxBodyBytes(16L * 1024 * 1024));
    }

    private String topic(String token, UUID meeting) {
        return as(token).body(Map.of("title", "A topic", "kind", "PLANNING")).post("/meetings/{id}/topics", meeting)
                .then().statusCode(201).extract().path("id");
    }

    private String agreement(String token, UUID meeting, String body) {
        return as(token).body(body).post("/meetings/{id}/agreements", meeting).then().statusCode(201).extract().path("id");
    }
}
