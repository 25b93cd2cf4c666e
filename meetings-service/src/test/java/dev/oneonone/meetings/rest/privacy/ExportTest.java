package dev.oneonone.meetings.rest.privacy;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Issue 18 part 2: a person's export, one streamed JSON document. */
@QuarkusTest
class ExportTest {
    private static final Instant FIRST = Instant.parse("2025-01-07T09:00:00Z"); // pinned: a Tuesday, a year of weekly 1:1s

    @Inject
    DataSource dataSource;

    /** A person of the directory with a year of weekly 1:1s: a series of {@value #IMPORTED} held meetings, imported. */
    private static String yearOfWeeklyMeetings(String org, UUID person) {
        PeopleApi.registerPersonOn(org, person, null, java.time.LocalDate.parse("2024-12-02"));
        List<Map<String, Object>> meetings = new ArrayList<>();
        for (int week = 0; week < IMPORTED; week++) {
            Instant at = FIRST.plus(7L * week, ChronoUnit.DAYS);
            meetings.add(Map.of("scheduledFor", at.toString(), "heldAt", at.toString(), "actualMinutes", 30, "mode", "REMOTE"));
        }
        Map<String, Object> series = Map.of("leaderId", UUID.randomUUID().toString(), "companionId", person.toString(),
                "relationship", "MANAGER_REPORT", "cadence", "WEEKLY", "timeZone", "UTC", "startsOn", "2025-01-06",
                "endedOn", "2025-12-31", "meetings", meetings);
        String seriesId = as(org).body(Map.of("series", List.of(series))).post("/series/import").then().statusCode(201)
                .extract().path("series[0]");
        as(org).body(Map.of("leaderId", UUID.randomUUID().toString(), "companionId", UUID.randomUUID().toString(),
                "relationship", "PEER", "cadence", "MONTHLY", "timeZone", "UTC", "startsOn", "2025-01-06"))
                .post("/series").then().statusCode(201);
        return seriesId;
    }

    @Test
    void the_export_holds_the_directory_entry_the_series_and_every_meeting_and_nothing_of_others() {
        String org = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = UUID.randomUUID();
        String series = yearOfWeeklyMeetings(org, person);

        with(personToken(org, person)).get("/me/export").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"oneonone-export.json\"")
                .body("format", equalTo(1))
                .body("personId", equalTo(person.toString()))
                .body("directoryEntry.personId", equalTo(person.toString()))
                .body("series", hasSize(1)).body("series[0].seriesId", equalTo(series))
                .body("series[0].endedOn", equalTo("2025-12-31"))
                .body("meetings", hasSize(IMPORTED)).body("meetings.status.unique()", equalTo(List.of("HELD")))
                .body("meetings[0].scheduledFor", equalTo(FIRST.toString()))
                .body("meetings[0].actualMinutes", equalTo(30));
    }

    @Test
    void a_person_outside_the_directory_gets_what_there_is_and_an_empty_entry() {
        String org = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        with(personToken(org, UUID.randomUUID())).get("/me/export").then().statusCode(200)
                .body("directoryEntry", equalTo(null)).body("series", hasSize(0)).body("meetings", hasSize(0));
    }

    /**
     * Years of history stream through: the person's series is given {@value #MANY} more meetings (rows written
     * straight into the read model, as a history of that length would leave it: the import takes 1,000 per series),
     * the test reads the answer as it arrives and, after a full GC at about a tenth and at nine tenths of the
     * document, compares the heap in use (the service runs in this JVM). Holding the document (as a String, a byte
     * array or the rows) would add at least its size between the two; streaming adds a buffer's worth.
     */
    @Test
    void the_export_of_years_of_history_streams_within_a_bounded_memory() throws Exception {
        String org = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = UUID.randomUUID();
        String series = yearOfWeeklyMeetings(org, person);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into meeting_overview (meeting_id, series_id, organisation_id, scheduled_for, first_scheduled_for, "
                        + "planned_minutes, first_of_series, status, held_at, actual_minutes, mode) "
                        + "select gen_random_uuid(), ?, ?, t, t, 30, false, 'HELD', t, 30, 'REMOTE' "
                        + "from generate_series(timestamptz '1990-01-02 09:00Z' + ? * interval '1 hour', "
                        + "timestamptz '1990-01-02 09:00Z' + ? * interval '1 hour', interval '1 hour') t")) {
            // in slices: one statement for all of them outlasts the data source's 5 s reply timeout on a loaded machine
            int written = 0;
            for (int from = 0; from < MANY; from += SLICE) {
                insert.setObject(1, UUID.fromString(series));
                insert.setString(2, org);
                insert.setInt(3, from);
                insert.setInt(4, Math.min(from + SLICE, MANY) - 1);
                written += insert.executeUpdate();
            }
            assertEquals(MANY, written);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/me/export"))
                    .header("Authorization", "Bearer " + personToken(org, person)).GET().build();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Length").isEmpty(), "streamed (chunked), not sized up front");

            long meetings = 0;
            long atTenth = 0;
            long atNineTenths = 0;
            try (InputStream body = response.body(); JsonParser parser = new JsonFactory().createParser(body)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token == JsonToken.FIELD_NAME && "meetingId".equals(parser.currentName())) {
                        meetings++;
                        if (meetings == MANY / 10) {
                            atTenth = heapInUse();
                        } else if (meetings == MANY * 9 / 10) {
                            atNineTenths = heapInUse();
                        }
                    }
                }
            }
            assertEquals(MANY + IMPORTED, meetings);
            long grown = atNineTenths - atTenth;
            System.out.printf("export of %,d meetings: heap in use %,d KB at a tenth, %,d KB at nine tenths%n", meetings,
                    atTenth / 1024, atNineTenths / 1024);
            // the document is about 300 bytes a meeting: 8/10 of it is ~ 40 MB of JSON (80 MB as a Java String)
            assertTrue(grown < 16L * 1024 * 1024, "heap grew by " + grown / 1024 / 1024 + " MB while 80% of the document passed");
        } finally {
            try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                    "delete from meeting_overview where series_id = ? and scheduled_for >= timestamptz '1990-01-02 09:00Z' + ? * interval '1 hour' "
                            + "and scheduled_for < timestamptz '1990-01-02 09:00Z' + ? * interval '1 hour'")) {
                for (int from = 0; from < MANY; from += SLICE) {
                    delete.setObject(1, UUID.fromString(series));
                    delete.setInt(2, from);
                    delete.setInt(3, from + SLICE);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static final int MANY = 150_000;
    private static final int SLICE = 10_000;
    private static final int IMPORTED = 52;

    private static long heapInUse() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
