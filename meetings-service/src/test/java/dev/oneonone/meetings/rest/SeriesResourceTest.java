package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startSeries;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SeriesResourceTest {
    private static final String ORG = "acme";

    @Inject
    DataSource dataSource;

    @Test
    void starting_a_series_answers_it_with_version_one() {
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();

        String id = startSeries(ORG, weeklySeries(leader, companion))
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", startsWith("http"))
                .body("leaderId", equalTo(leader.toString()))
                .body("companionId", equalTo(companion.toString()))
                .body("cadence", equalTo("WEEKLY"))
                .body("plannedMinutes", equalTo(30))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("version", equalTo(1))
                .extract().path("id");

        as(ORG).get("/series/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("relationship", equalTo("MANAGER_REPORT"));
    }

    @Test
    void scheduling_marks_only_the_first_meeting_as_first() {
        String id = startWeeklySeries(ORG);
        Instant first = nextWeek();

        scheduleMeeting(ORG, id, first).statusCode(201).header("ETag", "\"2\"")
                .body("firstOfSeries", equalTo(true))
                .body("scheduledFor", equalTo(first.toString()))
                .body("status", equalTo("SCHEDULED"));
        scheduleMeeting(ORG, id, first.plusSeconds(7 * 86_400)).statusCode(201).body("firstOfSeries", equalTo(false));

        as(ORG).get("/series/{id}/meetings", id).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.firstOfSeries", equalTo(List.of(true, false)));
    }

    @Test
    void invalid_input_is_refused_field_by_field_and_stores_nothing() throws SQLException {
        long before = countEvents();
        Map<String, Object> body = new HashMap<>(weeklySeries(UUID.randomUUID(), UUID.randomUUID()));
        body.remove("cadence");
        body.put("plannedMinutes", 1000);

        startSeries(ORG, body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("cadence", "plannedMinutes"));

        assertEquals(before, countEvents());
    }

    @Test
    void a_value_of_the_wrong_format_names_its_field() {
        Map<String, Object> body = new HashMap<>(weeklySeries(UUID.randomUUID(), UUID.randomUUID()));
        body.put("cadence", "HOURLY");

        startSeries(ORG, body).statusCode(400).body("errors[0].field", equalTo("cadence"));
    }

    @Test
    void a_domain_rule_answers_422_with_the_field() {
        UUID same = UUID.randomUUID();

        startSeries(ORG, weeklySeries(same, same)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/same-person"))
                .body("errors[0].field", equalTo("companionId"));
    }

    @Test
    void a_series_list_pages_with_a_cursor() {
        String org = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            startWeeklySeries(org);
        }

        String next = as(org).queryParam("limit", 2).get("/series").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("next");
        String last = as(org).queryParam("limit", 2).queryParam("after", next).get("/series").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("next");
        as(org).queryParam("limit", 2).queryParam("after", last).get("/series").then().statusCode(200)
                .body("items", hasSize(1)).body("next", nullValue());
    }

    /** Issue 12 follow-up: the Location of a scheduled meeting is GET /series/{s}/meetings/{m} (getMeeting), as the list shows it. */
    @Test
    void a_scheduled_meetings_location_answers_the_meeting_as_the_list_shows_it() {
        String id = startWeeklySeries(ORG);
        var created = scheduleMeeting(ORG, id, nextWeek()).statusCode(201).extract();
        String location = created.header("Location");
        String meetingId = created.path("id");
        assertEquals(true, location.startsWith("http://"), location);
        assertEquals(true, location.endsWith("/series/" + id + "/meetings/" + meetingId), location);

        Map<String, Object> listed = as(ORG).get("/series/{id}/meetings", id).then().statusCode(200).extract().path("items[0]");
        Map<String, Object> read = as(ORG).get(location).then().statusCode(200).header("ETag", "\"2\"").extract().path("");
        assertEquals(listed, read);
        as(ORG).get("/series/{id}/meetings/{m}", id, UUID.randomUUID()).then().statusCode(404);
        as("globex").get("/series/{id}/meetings/{m}", id, meetingId).then().statusCode(404);
    }

    @Test
    void another_organisations_series_does_not_exist_for_the_caller() {
        String id = startWeeklySeries(ORG);

        as("globex").get("/series/{id}", id).then().statusCode(404).contentType("application/problem+json");
        scheduleMeeting("globex", id, nextWeek()).statusCode(404);
    }

    @Test
    void a_stale_expected_version_gets_409_and_stores_nothing() throws SQLException {
        String id = startWeeklySeries(ORG);
        scheduleMeeting(ORG, id, nextWeek()).statusCode(201).header("ETag", "\"2\"");
        long before = countEvents(id);

        as(ORG).header("If-Match", "\"1\"").body(Map.of("scheduledFor", nextWeek().plusSeconds(86_400).toString()))
                .post("/series/{id}/meetings", id).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/version-conflict"));

        assertEquals(before, countEvents(id));
        as(ORG).get("/series/{id}/meetings", id).then().body("items", hasSize(1));
    }

    @Test
    void of_two_concurrent_writers_at_the_same_version_one_wins_and_one_gets_409() throws SQLException {
        String id = startWeeklySeries(ORG);
        Instant at = nextWeek();

        List<CompletableFuture<Integer>> writers = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> as(ORG).header("If-Match", "\"1\"")
                        .body(Map.of("scheduledFor", at.plusSeconds(n * 3600L).toString()))
                        .post("/series/{id}/meetings", id).statusCode()))
                .toList();
        List<Integer> statuses = writers.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(List.of(201, 409), statuses);
        assertEquals(2, countEvents(id));
    }

    @Test
    void of_two_concurrent_starts_for_the_same_pair_only_one_series_is_active() {
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();

        List<Integer> statuses = List.of(1, 2, 3).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> startSeries(ORG, weeklySeries(leader, companion))
                        .extract().statusCode()))
                .toList().stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(List.of(201, 409, 409), statuses);
    }

    private long countEvents() throws SQLException {
        return count("select count(*) from event", null);
    }

    private long countEvents(String seriesId) throws SQLException {
        return count("select count(*) from event where stream_id = ?", UUID.fromString(seriesId));
    }

    private long count(String sql, UUID streamId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            if (streamId != null) {
                q.setObject(1, streamId);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
