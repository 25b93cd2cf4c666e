package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.PeopleApi.endEmployment;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.register;
import static dev.oneonone.meetings.rest.PeopleApi.registerLeaver;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static dev.oneonone.meetings.rest.PeopleApi.registerPersonOn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * The directory through time (issue 15): every change has the organisation's day it takes effect, its event
 * happens at the start of that day, and employment runs up to and including the last day. The test
 * organisations have no zone of their own, so their days are UTC days.
 */
@QuarkusTest
class DirectoryDatesTest {
    private static final String PROBLEMS = "https://oneonone.dev/problems/";

    @Inject
    DataSource dataSource;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void a_back_dated_registration_happens_at_the_start_of_its_day_and_without_a_date_today() throws SQLException {
        String org = newOrganisation();
        LocalDate firstDay = today.minusDays(40);

        UUID id = registerPersonOn(org, UUID.randomUUID(), null, firstDay);
        as(org).get("/people/{id}", id).then().statusCode(200).body("employedSince", equalTo(firstDay.toString()));
        UUID now = registerPerson(org, null);

        assertEquals(List.of(firstDay + "@" + start(firstDay)), events(id));
        String event = events(now).get(0);
        assertEquals(today.toString(), event.substring(0, event.indexOf('@')));
        assertTrue(Duration.between(Instant.parse(event.substring(event.indexOf('@') + 1)), Instant.now()).abs()
                .compareTo(Duration.ofMinutes(1)) < 0, event);
    }

    @Test
    void days_are_those_of_the_organisations_time_zone() throws SQLException {
        // tz-east is set to Pacific/Kiritimati (UTC+14) in the test profile: its day starts at 10:00 UTC the day before
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        LocalDate yesterdayThere = LocalDate.now(kiritimati).minusDays(1);

        UUID id = registerPersonOn("tz-east", UUID.randomUUID(), null, yesterdayThere);

        assertEquals(List.of(yesterdayThere + "@" + yesterdayThere.atStartOfDay(kiritimati).toInstant()), events(id));
        Map<String, Object> tomorrowThere = person(UUID.randomUUID(), null);
        tomorrowThere.put("effectiveOn", LocalDate.now(kiritimati).plusDays(1).toString());
        refused(register("tz-east", tomorrowThere), 422, "effective-in-the-future", "effectiveOn");
    }

    @Test
    void a_date_after_today_is_refused_on_register_and_change() throws SQLException {
        String org = newOrganisation();
        Map<String, Object> body = person(UUID.randomUUID(), null);
        body.put("effectiveOn", today.plusDays(1).toString());

        refused(register(org, body), 422, "effective-in-the-future", "effectiveOn");
        UUID id = registerPerson(org, null);
        refused(change(org, id, null, "data", today.plusDays(1)), 422, "effective-in-the-future", "effectiveOn");

        assertEquals(1, events(id).size());
    }

    @Test
    void a_back_dated_manager_change_records_its_day_and_an_earlier_one_after_it_is_refused() throws SQLException {
        String org = newOrganisation();
        LocalDate joined = today.minusDays(90);
        LocalDate changed = today.minusDays(45);
        UUID first = registerPersonOn(org, UUID.randomUUID(), null, joined);
        UUID second = registerPersonOn(org, UUID.randomUUID(), null, joined);
        UUID report = registerPersonOn(org, UUID.randomUUID(), first, joined);

        change(org, report, second, "platform", changed).statusCode(200).body("managerId", equalTo(second.toString()));

        assertEquals(List.of(joined + "@" + start(joined), changed + "@" + start(changed)), events(report));
        assertEquals(start(changed), query("select from_time from reporting_line where person_id = ? and to_time is null", report));
        refused(change(org, report, second, "data", changed.minusDays(1)), 422, "effective-before-last-change", "effectiveOn");
        refused(change(org, report, first, "platform", joined.minusDays(1)), 422, "effective-before-last-change",
                "effectiveOn");
        change(org, report, second, "data", changed).statusCode(200).body("team", equalTo("data"));
    }

    @Test
    void the_manager_must_be_employed_on_the_effective_day() {
        String org = newOrganisation();
        UUID joinedToday = registerPerson(org, null);
        UUID leftLastMonth = registerLeaver(org, UUID.randomUUID(), today.minusDays(100), today.minusDays(30));
        UUID report = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(100));

        Map<String, Object> body = person(UUID.randomUUID(), joinedToday);
        body.put("effectiveOn", today.minusDays(10).toString());
        refused(register(org, body), 422, "manager-not-employed", "managerId");
        refused(change(org, report, leftLastMonth, "platform", today.minusDays(20)), 422, "manager-not-employed", "managerId");
        // as of a day they were still employed, they may be named
        change(org, report, leftLastMonth, "platform", today.minusDays(40)).statusCode(200);
    }

    @Test
    void an_import_places_each_row_on_its_own_day() throws SQLException {
        String org = newOrganisation();
        UUID lead = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        Map<String, Object> leadRow = person(lead, null);
        leadRow.put("effectiveOn", today.minusDays(80).toString());
        Map<String, Object> earlyRow = person(early, lead);
        earlyRow.put("effectiveOn", today.minusDays(90).toString());   // before their manager joined
        Map<String, Object> futureRow = person(UUID.randomUUID(), null);
        futureRow.put("effectiveOn", today.plusDays(3).toString());

        as(org).body(Map.of("people", List.of(leadRow, earlyRow, futureRow))).post("/people/import").then()
                .statusCode(422).body("errors.field", equalTo(List.of("people[1].managerId", "people[2].effectiveOn")));

        earlyRow.put("effectiveOn", today.minusDays(60).toString());
        as(org).body(Map.of("people", List.of(earlyRow, leadRow, person(plain, lead)))).post("/people/import").then()
                .statusCode(201).body("created", equalTo(3));
        assertEquals(List.of(today.minusDays(80) + "@" + start(today.minusDays(80))), events(lead));
        assertEquals(List.of(today.minusDays(60) + "@" + start(today.minusDays(60))), events(early));
        assertTrue(events(plain).get(0).startsWith(today + "@"), events(plain).toString());
    }

    @Test
    void a_leaver_with_a_future_last_day_is_employed_a_manager_and_keeps_their_email_until_then() throws SQLException {
        String org = newOrganisation();
        UUID leaving = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(30));
        LocalDate lastDay = today.plusDays(30);

        endEmployment(org, leaving, lastDay).statusCode(200)
                .body("employed", equalTo(true))
                .body("lastDay", equalTo(lastDay.toString()));

        registerPerson(org, leaving);
        Map<String, Object> sameEmail = person(UUID.randomUUID(), null);
        sameEmail.put("email", leaving + "@people.example");
        refused(register(org, sameEmail), 422, "email-taken", "email");
        as(org).queryParam("employed", true).get("/people").then().body("items.id", hasItem(leaving.toString()));
        assertEquals(List.of(today.minusDays(30) + "@" + start(today.minusDays(30)), lastDay + "@" + start(lastDay.plusDays(1))),
                events(leaving));
    }

    @Test
    void from_the_day_after_the_last_day_the_email_is_free_and_they_manage_nobody_new() {
        String org = newOrganisation();
        LocalDate lastDay = today.minusDays(1);
        UUID left = registerLeaver(org, UUID.randomUUID(), today.minusDays(60), lastDay);

        as(org).get("/people/{id}", left).then().body("employed", equalTo(false));
        Map<String, Object> sameEmail = person(UUID.randomUUID(), null);
        sameEmail.put("email", left + "@people.example");
        register(org, sameEmail).statusCode(201);
        refused(register(org, person(UUID.randomUUID(), left)), 422, "manager-not-employed", "managerId");
        Map<String, Object> onTheirLastDay = person(UUID.randomUUID(), left);
        onTheirLastDay.put("effectiveOn", lastDay.toString());
        register(org, onTheirLastDay).statusCode(201);
    }

    @Test
    void a_leaver_is_rehired_with_the_same_id_and_their_history_kept() throws SQLException {
        String org = newOrganisation();
        LocalDate lastDay = today.minusDays(20);
        UUID manager = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(100));
        UUID left = registerLeaver(org, UUID.randomUUID(), today.minusDays(100), lastDay);

        refused(register(org, person(left, null)), 409, "person-exists", null)
                .body("detail", containsString("/people/" + left + "/rehire"));
        refused(change(org, left, null, "data", null), 409, "employment-ended", null)
                .body("detail", containsString("/people/" + left + "/rehire"));
        refused(rehire(org, left, manager, lastDay), 422, "effective-before-last-change", "effectiveOn");

        rehire(org, left, manager, today.minusDays(5)).statusCode(200).header("ETag", "\"3\"")
                .body("employed", equalTo(true))
                .body("employedSince", equalTo(today.minusDays(5).toString()))
                .body("lastDay", nullValue())
                .body("team", equalTo("data"))
                .body("managerId", equalTo(manager.toString()));

        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.EmploymentEnded",
                "oneonone.meetings.PersonRehired"), eventTypes(left));
        assertEquals(today.minusDays(5) + "@" + start(today.minusDays(5)), events(left).get(2));
        refused(rehire(org, left, manager, null), 409, "still-employed", null);
        refused(rehire(org, manager, null, null), 409, "still-employed", null);
    }

    @Test
    void a_rehire_needs_a_free_email() {
        String org = newOrganisation();
        UUID left = registerLeaver(org, UUID.randomUUID(), today.minusDays(100), today.minusDays(20));
        Map<String, Object> taker = person(UUID.randomUUID(), null);
        taker.put("email", left + "@people.example");
        register(org, taker).statusCode(201);

        refused(rehire(org, left, null, null), 422, "email-taken", "email");
    }

    private static ValidatableResponse change(String org, UUID id, UUID managerId, String team, LocalDate effectiveOn) {
        Map<String, Object> body = person(id, managerId);
        body.remove("id");
        body.put("team", team);
        if (effectiveOn != null) {
            body.put("effectiveOn", effectiveOn.toString());
        }
        return as(org).body(body).put("/people/{id}", id).then();
    }

    private static ValidatableResponse rehire(String org, UUID id, UUID managerId, LocalDate effectiveOn) {
        Map<String, Object> body = person(id, managerId);
        body.remove("id");
        body.put("team", "data");
        if (effectiveOn != null) {
            body.put("effectiveOn", effectiveOn.toString());
        }
        return as(org).body(body).post("/people/{id}/rehire", id).then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String type, String field) {
        response.statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + type));
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        }
        return response;
    }

    private static String start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private static String newOrganisation() {
        return "dates-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The stream's events as "effective day@occurredAt" (the last day for an employment end). */
    private List<String> events(UUID stream) throws SQLException {
        return rows("select coalesce(payload->>'effectiveOn', payload->>'lastDay'), occurred_at from event "
                + "where stream_id = ? order by version", stream, rs -> rs.getString(1) + "@" + rs.getTimestamp(2).toInstant());
    }

    private List<String> eventTypes(UUID stream) throws SQLException {
        return rows("select event_type from event where stream_id = ? order by version", stream, rs -> rs.getString(1));
    }

    private String query(String sql, UUID id) throws SQLException {
        return rows(sql, id, rs -> rs.getTimestamp(1).toInstant().toString()).get(0);
    }

    private interface Row {
        String read(ResultSet rs) throws SQLException;
    }

    private List<String> rows(String sql, UUID id, Row row) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        }
    }
}
