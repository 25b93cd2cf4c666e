package dev.oneonone.meetings.rest.fuzz;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.importSeriesWithPastMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.integrationToken;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.oneonone.kit.fuzz.FuzzOperation;
import dev.oneonone.kit.fuzz.FuzzSuite;
import dev.oneonone.meetings.application.webhooks.WebhookDispatcher;
import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Every write operation of meetings-service driven with malformed requests (the kit's {@link FuzzSuite}); each must
 * be answered 4xx with a problem document and store no event. {@code -Dfuzz.requests=5000} runs it longer.
 */
@QuarkusTest
class MeetingsFuzzTest {
    private static final String ORG = "fuzz";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;
    @Inject
    WebhookDispatcher webhooks;

    @TestFactory
    Stream<DynamicTest> every_write_operation_refuses_malformed_input_and_stores_nothing() throws Exception {
        // the dispatcher disables failing endpoints (this test's and others') with an event of their own, which the
        // count of stored events below would take for one of a refused request
        webhooks.pause(true);
        FuzzSuite suite = new FuzzSuite(base.toURI(), this::lastEventPosition);
        return suite.tests(operations());
    }

    @AfterEach
    void resumeWebhooks() {
        webhooks.pause(false);
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

    /** A valid request of each write operation, each on targets of its own so that one's control cannot spoil another's. */
    private static List<FuzzOperation> operations() {
        String integration = integrationToken(ORG);
        LocalDate today = LocalDate.now(BERLIN);
        UUID manager = PeopleApi.registerPerson(ORG, null);
        UUID changed = PeopleApi.registerPerson(ORG, manager);
        UUID leaving = PeopleApi.registerPerson(ORG, manager);
        UUID newPerson = UUID.randomUUID();
        UUID firstRow = UUID.randomUUID();
        UUID secondRow = UUID.randomUUID();

        String scheduling = startWeeklySeries(ORG);
        String cadence = startWeeklySeries(ORG);
        String pausing = startWeeklySeries(ORG);
        String resuming = startWeeklySeries(ORG);
        as(ORG).body(Map.of("from", today.toString(), "until", today.plusDays(14).toString()))
                .post("/series/{id}/pause", resuming).then().statusCode(200);
        String ending = startWeeklySeries(ORG);
        String next = startWeeklySeries(ORG);
        String[] rescheduling = seriesWithMeeting();
        String[] cancelling = seriesWithMeeting();
        Instant past = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String heldSeries = importSeriesWithPastMeeting(ORG, past, nextWeek()).statusCode(201).extract().path("series[0]");
        String heldMeeting = as(ORG).get("/series/{id}/meetings", heldSeries).then().statusCode(200)
                .extract().path("items.find { it.scheduledFor == '" + past + "' }.id");

        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String feedSeries = startWeeklySeries(ORG, leader, companion);
        String companionToken = personToken(ORG, companion);
        String feed = with(companionToken).body(Map.of("seriesId", feedSeries)).post("/calendar/feeds").then()
                .statusCode(201).extract().path("id");

        String hook = """
                {"url":"https://hooks.example.com/fuzz","description":"Fuzz receiver",
                 "eventTypes":["oneonone.meetings.SeriesStarted","oneonone.meetings.MeetingScheduled"]}""";
        String endpoint = as(ORG).body(hook).post("/webhooks/endpoints").then().statusCode(201).extract()
                .path("endpoint.id");

        String person = """
                {"id":"%s","name":"Fuzz Person","email":"%s@people.example","team":"platform","department":"ENG",
                 "managerId":"%s"}""";
        String history = """
                {"series":[{"leaderId":"%s","companionId":"%s","relationship":"MANAGER_REPORT","cadence":"WEEKLY",
                  "plannedMinutes":30,"timeZone":"Europe/Berlin","startsOn":"2025-01-06","preferredWeekday":"TUESDAY",
                  "preferredTime":"10:00","endedOn":"2025-06-30","meetings":[
                  {"scheduledFor":"2025-01-07T09:00:00Z","plannedMinutes":30,"scheduledAt":"2025-01-02T09:00:00Z",
                   "heldAt":"2025-01-07T09:03:00Z","actualMinutes":31,"mode":"IN_PERSON"},
                  {"scheduledFor":"2025-01-14T09:00:00Z","reschedules":[{"to":"2025-01-15T09:00:00Z","reason":"TRAVEL",
                   "at":"2025-01-10T12:00:00Z"}],"heldAt":"2025-01-15T09:00:00Z","actualMinutes":25,"mode":"REMOTE"},
                  {"scheduledFor":"2025-01-21T09:00:00Z","cancelReason":"ILLNESS","cancelledAt":"2025-01-21T07:30:00Z"}]}]}""";
        long imports = 16L * 1024 * 1024;
        return List.of(
                FuzzOperation.of("POST", "/people", integration, person.formatted(newPerson, newPerson, manager))
                        .named("POST /people").nullable("id", "team", "department", "managerId").withIdempotencyKey(),
                FuzzOperation.of("PUT", "/people/" + changed, integration, """
                        {"name":"Changed Person","email":"%s@people.example","team":"data","department":"ENG",
                         "managerId":"%s"}""".formatted(changed, manager))
                        .named("PUT /people/{person}").nullable("team", "department", "managerId").withIfMatch(),
                FuzzOperation.of("POST", "/people/" + leaving + "/employment-end", integration,
                        "{\"lastDay\":\"" + today.plusDays(30) + "\"}")
                        .named("POST /people/{person}/employment-end").withIfMatch(),
                FuzzOperation.of("POST", "/people/import", integration, "{\"people\":["
                        + person.formatted(firstRow, firstRow, manager) + ","
                        + person.formatted(secondRow, secondRow, firstRow) + "]}")
                        .named("POST /people/import").nullable("id", "team", "department", "managerId")
                        .withIdempotencyKey().maxBodyBytes(imports),
                FuzzOperation.of("POST", "/series", integration, """
                        {"leaderId":"%s","companionId":"%s","relationship":"MANAGER_REPORT","cadence":"WEEKLY",
                         "plannedMinutes":30,"timeZone":"Europe/Berlin","startsOn":"%s","preferredWeekday":"TUESDAY",
                         "preferredTime":"10:00"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), today))
                        .named("POST /series")
                        .nullable("plannedMinutes", "startsOn", "preferredWeekday", "preferredTime").withIdempotencyKey(),
                FuzzOperation.of("POST", "/series/" + scheduling + "/meetings", integration,
                        "{\"scheduledFor\":\"" + nextWeek() + "\",\"plannedMinutes\":30}")
                        .named("POST /series/{series}/meetings").nullable("plannedMinutes").withIfMatch()
                        .withIdempotencyKey(),
                FuzzOperation.of("POST", "/series/" + cadence + "/cadence", integration, "{\"cadence\":\"BIWEEKLY\"}")
                        .named("POST /series/{series}/cadence").withIfMatch(),
                FuzzOperation.of("POST", "/series/" + pausing + "/pause", integration, "{\"from\":\"" + today.plusDays(10)
                        + "\",\"until\":\"" + today.plusDays(20) + "\"}")
                        .named("POST /series/{series}/pause").withIfMatch(),
                FuzzOperation.of("POST", "/series/" + resuming + "/resume", integration, "{\"on\":\"" + today.plusDays(3) + "\"}")
                        .named("POST /series/{series}/resume").nullable("", "on").withIfMatch(),
                FuzzOperation.of("POST", "/series/" + ending + "/end", integration, null)
                        .named("POST /series/{series}/end").withIfMatch(),
                FuzzOperation.of("POST", "/series/" + next + "/meetings/next", integration, null)
                        .named("POST /series/{series}/meetings/next").withIfMatch().withIdempotencyKey(),
                FuzzOperation.of("POST", "/series/" + rescheduling[0] + "/meetings/" + rescheduling[1] + "/reschedule",
                        integration, "{\"to\":\"" + nextWeek().plus(1, ChronoUnit.DAYS) + "\",\"reason\":\"CONFLICT\"}")
                        .named("POST /series/{series}/meetings/{meeting}/reschedule").withIfMatch(),
                FuzzOperation.of("POST", "/series/" + heldSeries + "/meetings/" + heldMeeting + "/held", integration,
                        "{\"heldAt\":\"" + past.plus(2, ChronoUnit.MINUTES) + "\",\"actualMinutes\":28,\"mode\":\"REMOTE\"}")
                        .named("POST /series/{series}/meetings/{meeting}/held").withIfMatch(),
                FuzzOperation.of("POST", "/series/" + cancelling[0] + "/meetings/" + cancelling[1] + "/cancel",
                        integration, "{\"reason\":\"ILLNESS\"}")
                        .named("POST /series/{series}/meetings/{meeting}/cancel").withIfMatch(),
                FuzzOperation.of("POST", "/series/import", integration,
                        history.formatted(UUID.randomUUID(), UUID.randomUUID()))
                        .named("POST /series/import")
                        .nullable("plannedMinutes", "preferredWeekday", "preferredTime", "endedOn", "meetings",
                                "scheduledAt", "reschedules", "heldAt", "actualMinutes", "mode", "cancelReason",
                                "cancelledAt", "at")
                        .withIdempotencyKey().maxBodyBytes(imports),
                FuzzOperation.of("POST", "/calendar/feeds", companionToken, "{\"seriesId\":\"" + feedSeries + "\"}")
                        .named("POST /calendar/feeds").nullable("", "seriesId", "personId"),
                FuzzOperation.of("DELETE", "/calendar/feeds/" + feed, companionToken, null)
                        .named("DELETE /calendar/feeds/{feed}"),
                FuzzOperation.of("POST", "/admin/projections/rebuild", integration, null)
                        .named("POST /admin/projections/rebuild"),
                FuzzOperation.of("POST", "/webhooks/endpoints", integration, hook)
                        .named("POST /webhooks/endpoints").nullable("description", "eventTypes"),
                FuzzOperation.of("PATCH", "/webhooks/endpoints/" + endpoint, integration,
                        hook.replace("}", ",\"enabled\":true}"))
                        .named("PATCH /webhooks/endpoints/{endpoint}").nullable("url", "description", "eventTypes", "enabled"),
                FuzzOperation.of("POST", "/webhooks/endpoints/" + endpoint + "/secret/rotate", integration, null)
                        .named("POST /webhooks/endpoints/{endpoint}/secret/rotate"));
    }

    /** A new weekly series with one meeting next week: its id and the meeting's. */
    private static String[] seriesWithMeeting() {
        String series = startWeeklySeries(ORG);
        String meeting = scheduleMeeting(ORG, series, nextWeek()).statusCode(201).extract().path("id");
        return new String[] { series, meeting };
    }
}
