package dev.oneonone.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.oneonone.local.SuiteService;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 14 follow-up, case 1, as an integrator would check it: for every time zone the suite accepts, a series with
 * meetings in the next January and July (winter and summer in either hemisphere) is read from its calendar feed with
 * ical.js (2.2.1, pinned in contract-validators), and each meeting's DTSTART, resolved with the feed's own VTIMEZONE,
 * must be the instant the API answered as {@code scheduledFor}. ical.js reads only the first value of an RDATE and
 * ignores DTSTART when there are RDATEs; a VTIMEZONE that relied on either put European summer time an hour off.
 */
@ExtendWith(RunningSuite.Shared.class)
class CalendarFeedsInIcalJsTest {
    private static final String ORGANISATION = "ical-zones";

    private static RunningSuite suite;
    private static SuiteClient client;

    @BeforeAll
    static void useTheSuite(RunningSuite running) {
        suite = running;
        client = running.client(ORGANISATION);
    }

    @Test
    void everyZonesFeedReadsInIcalJsAtTheInstantsTheApiScheduled() throws Exception {
        Path feeds = Files.createDirectories(RunningSuite.pathFromSystemProperty("suite.e2e-logs").resolve("ical-feeds"));
        Set<String> zones = new TreeSet<>(ZoneId.getAvailableZoneIds());
        zones.removeIf(id -> id.startsWith("ical4j"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder expected = new StringBuilder();
        List<String> refused = new ArrayList<>();
        UUID leader = UUID.randomUUID();
        int index = 0;
        for (String zone : zones) {
            Response series = client.startSeries("""
                    {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT", "cadence": "WEEKLY",
                     "timeZone": "%s", "preferredWeekday": "THURSDAY", "preferredTime": "10:30"}
                    """.formatted(leader, UUID.randomUUID(), zone));
            if (series.statusCode() != 201) {
                refused.add(zone + ": " + series.statusCode());
                continue;
            }
            String seriesId = series.jsonPath().getString("id");
            String etag = series.header("ETag");
            String file = "zone-" + (index++) + ".ics";
            for (MonthDay day : List.of(MonthDay.of(1, 14), MonthDay.of(7, 15))) {
                LocalDate on = day.atYear(today.getYear() + 1);
                Instant at = on.atTime(LocalTime.of(10, 30)).atZone(ZoneId.of(zone)).toInstant();
                Response meeting = client.scheduleMeeting(seriesId, etag, "{\"scheduledFor\": \"" + at + "\"}");
                assertEquals(201, meeting.statusCode(), zone + ": " + meeting.asString());
                etag = meeting.header("ETag");
                expected.append(file).append(' ').append(meeting.jsonPath().getString("id")).append("@oneonone ")
                        .append(meeting.jsonPath().getString("scheduledFor")).append(' ').append(zone).append('\n');
            }
            Response feed = RestAssured.given().baseUri(client.url(SuiteService.MEETINGS)).auth()
                    .oauth2(client.integrationToken()).contentType(ContentType.JSON)
                    .body("{\"seriesId\": \"" + seriesId + "\"}").post("/calendar/feeds");
            assertEquals(201, feed.statusCode(), zone + ": " + feed.asString());
            Files.writeString(feeds.resolve(file), RestAssured.given().get(feed.jsonPath().getString("url")).then()
                    .statusCode(200).extract().asString());
        }
        Files.writeString(feeds.resolve("expected.txt"), expected);
        assertTrue(index > 500, "series in " + index + " zones; refused: " + refused);

        ContractValidators.IcalJsReport report = ContractValidators
                .installedIn(RunningSuite.pathFromSystemProperty("suite.contract-validators")).icalJsCheck(feeds);
        assertEquals(0, report.exitCode(), report.output());
    }
}
