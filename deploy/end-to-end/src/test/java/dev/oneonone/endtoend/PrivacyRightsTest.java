package dev.oneonone.endtoend;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * the organisation's behalf holds no 1:1 text and is in the log of the person and of the other participant once per
 * service that served a part.
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

        String onBehalfText = client.exportPerson(companion).then().statusCode(200).extract().asString();
        JsonPath onBehalf = new JsonPath(onBehalfText);
        // on the organisation's behalf: the structure, no 1:1 text (it stays with the two participants), no private notes
        assertFalse(onBehalf.getMap("agenda").containsKey("privateNotes"), "no private notes on the organisation's behalf");
        assertTrue(onBehalf.getList("agenda.topics.kind").contains("CAREER"));
        assertEquals(List.of(true), onBehalf.getList("agenda.topics.contentWithheld").stream().distinct().toList());
        for (String content : List.of("Growth plan", "Ask about budget")) {
            assertFalse(onBehalfText.contains(content), content + " is in the export on the organisation's behalf");
        }
        assertEquals(List.of(false), export.getList("agenda.topics.contentWithheld").stream().distinct().toList());
        // each service records the part it served: the one log merges all three, the person's and the other participant's
        for (UUID told : List.of(companion, leader)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.mine(told, "access-log").jsonPath()
                    .getList("items.kind").containsAll(List.of("EXPORT", "AGENDA_EXPORT", "FIGURES_EXPORT")));
        }
    }

    @Test
    void aLeaversErasureEmptiesTheirDirectoryEntryAndReachesTheAgendaWhileFiguresStay(RunningSuite suite) {
        SuiteClient client = suite.client(ORGANISATION);
        UUID leader = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        client.importPeople(Map.of("people", List.of(Map.of("id", leaver.toString(), "name", "Lee Leaving",
                "email", leaver + "@acme.example", "effectiveOn", today.minusDays(60).toString()))))
                .then().statusCode(201);
        String series = client.startSeries("""
                {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT", "cadence": "WEEKLY", "timeZone": "UTC"}
                """.formatted(leader, leaver)).then().statusCode(201).extract().path("id");
        String meeting = client.scheduleMeeting(series, "\"1\"", """
                {"scheduledFor": "%s"}""".formatted(Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)))
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> client.agenda(meeting, leaver).statusCode() == 200
                && client.seriesInsight(series).statusCode() == 200);
        client.addTopic(meeting, leaver, "{\"title\": \"Handover plan\", \"kind\": \"PLANNING\"}").then().statusCode(201);
        client.writeNote(meeting, leaver, "{\"visibility\": \"SHARED\", \"text\": \"Shared handover notes\"}")
                .then().statusCode(201);

        // not before their last day has passed; then the HR platform erases them on the organisation's behalf
        client.erasePerson(leaver).then().statusCode(409);
        client.endEmployment(leaver.toString(), Map.of("lastDay", today.minusDays(1).toString())).then().statusCode(200);
        client.erasePerson(leaver).then().statusCode(200).body("name", equalTo("(erased)"));
        client.erasePerson(leaver).then().statusCode(200).body("name", equalTo("(erased)"));

        // agenda-service consumed PersonErased: the shared content stays, no longer naming its author (read in the
        // other participant's own export: the organisation's holds no 1:1 text)
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath agenda = client.mine(leader, "export").then().statusCode(200).extract().jsonPath();
            return agenda.getList("agenda.topics.title").contains("Handover plan")
                    && agenda.getList("agenda.sharedNotes.authorId").stream().allMatch(java.util.Objects::isNull)
                    && agenda.getList("agenda.topics.findAll { it.title == 'Handover plan' }.authorId").stream()
                            .allMatch(java.util.Objects::isNull);
        });
        JsonPath export = client.exportPerson(leaver).jsonPath();
        assertEquals("(erased)", export.getString("directoryEntry.name"));
        assertFalse(export.prettify().contains("Lee Leaving"));
        client.seriesInsight(series).then().statusCode(200); // the series' figures are still there, by ids
    }
}
