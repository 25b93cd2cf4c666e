package dev.oneonone.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * Issue 18 across the running suite: HR reads a person's series figures on insights-service and the person sees it in
 * their one access log on meetings-service; the person's export holds the parts of all three services; an export on
 * the organisation's behalf is in the person's log once per service that served a part.
 */
@ExtendWith(RunningSuite.Shared.class)
class PrivacyRightsTest {
    private static final String ORGANISATION = "e2e-privacy";

    @Test
    void aHrReadIsInThePersonsLogAndTheirExportHoldsAllThreeServicesParts(RunningSuite suite) {
        SuiteClient client = suite.client(ORGANISATION);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        client.importPeople(Map.of("people", List.of(Map.of("id", companion.toString(), "name", "Rey",
                "email", companion + "@acme.example")))).then().statusCode(201);
        String series = client.startSeries("""
                {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT", "cadence": "WEEKLY", "timeZone": "UTC"}
                """.formatted(leader, companion)).then().statusCode(201).extract().path("id");
        String meeting = client.scheduleMeeting(series, "\"1\"", """
                {"scheduledFor": "%s"}""".formatted(Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)))
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> client.agenda(meeting, companion).statusCode() == 200
                && client.seriesInsight(series).statusCode() == 200);
        client.addTopic(meeting, companion, "{\"title\": \"Growth plan\", \"kind\": \"CAREER\"}").then().statusCode(201);
        client.writeNote(meeting, companion, "{\"visibility\": \"PRIVATE\", \"text\": \"Ask about budget\"}").then().statusCode(201);

        client.seriesInsight(series).then().statusCode(200); // HR
        await().atMost(Duration.ofSeconds(10)).until(() -> client.mine(companion, "access-log").jsonPath()
                .getList("items.kind").contains("SERIES_FIGURES"));
        JsonPath log = client.mine(companion, "access-log").jsonPath();
        assertEquals("hr", log.getString("items.find { it.kind == 'SERIES_FIGURES' }.readerRole"));

        JsonPath export = client.mine(companion, "export").then().statusCode(200).extract().jsonPath();
        assertEquals(companion.toString(), export.getString("directoryEntry.personId"));
        assertEquals(List.of(series), export.getList("series.seriesId"));
        assertTrue(export.getList("agenda.topics.title").contains("Growth plan"), "the person's topic, after the first-meeting template's");
        assertEquals(List.of("Ask about budget"), export.getList("agenda.privateNotes.text"));
        assertEquals(List.of(series), export.getList("insights.seriesFigures.seriesId"));

        JsonPath onBehalf = client.exportPerson(companion).then().statusCode(200).extract().jsonPath();
        assertTrue(onBehalf.getList("agenda.topics.title").contains("Growth plan"));
        assertFalse(onBehalf.getMap("agenda").containsKey("privateNotes"), "no private notes on the organisation's behalf");
        // each service records the part it served: the one log merges all three
        await().atMost(Duration.ofSeconds(10)).until(() -> client.mine(companion, "access-log").jsonPath()
                .getList("items.kind").containsAll(List.of("EXPORT", "AGENDA_EXPORT", "FIGURES_EXPORT")));
    }
}
