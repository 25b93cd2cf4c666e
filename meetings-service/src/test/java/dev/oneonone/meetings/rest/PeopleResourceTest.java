package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static dev.oneonone.meetings.rest.PeopleApi.changeManager;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.register;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PeopleResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void registering_a_person_answers_them_with_version_one() {
        String org = newOrganisation();
        UUID manager = registerPerson(org, null);
        UUID id = UUID.randomUUID();

        register(org, person(id, manager)).statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", startsWith("http"))
                .body("id", equalTo(id.toString()))
                .body("name", equalTo("Person " + id.toString().substring(0, 8)))
                .body("email", equalTo(id + "@people.example"))
                .body("team", equalTo("platform"))
                .body("managerId", equalTo(manager.toString()))
                .body("employed", equalTo(true))
                .body("version", equalTo(1));

        as(org).get("/people/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("department", equalTo("ENG"));
    }

    @Test
    void without_an_id_the_service_chooses_one() {
        Map<String, Object> body = person(UUID.randomUUID(), null);
        body.remove("id");

        String id = register(newOrganisation(), body).statusCode(201).extract().path("id");

        UUID.fromString(id);
    }

    @Test
    void invalid_input_is_refused_field_by_field() {
        Map<String, Object> body = person(UUID.randomUUID(), null);
        body.put("email", "not-an-email");
        body.put("name", "");
        body.put("team", "t".repeat(101));

        register(newOrganisation(), body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("email", "name", "team"));
    }

    @Test
    void the_manager_must_exist_in_the_same_organisation() {
        String org = newOrganisation();
        UUID elsewhere = registerPerson(newOrganisation(), null);

        register(org, person(UUID.randomUUID(), elsewhere)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/unknown-manager"))
                .body("errors[0].field", equalTo("managerId"));
    }

    @Test
    void the_same_id_twice_is_409_and_the_same_email_twice_422() {
        String org = newOrganisation();
        UUID id = registerPerson(org, null);

        register(org, person(id, null)).statusCode(409).body("type", startsWith("https://oneonone.dev/problems/person-exists"));
        Map<String, Object> sameEmail = person(UUID.randomUUID(), null);
        sameEmail.put("email", (id + "@People.example"));
        register(org, sameEmail).statusCode(422).body("errors[0].field", equalTo("email"));
    }

    @Test
    void a_new_manager_is_recorded_with_the_history_of_reporting_lines() throws SQLException {
        String org = newOrganisation();
        UUID first = registerPerson(org, null);
        UUID second = registerPerson(org, null);
        UUID report = registerPerson(org, first);

        changeManager(org, report, second).statusCode(200).header("ETag", "\"2\"")
                .body("managerId", equalTo(second.toString()));

        assertEquals(List.of(first + " closed", second + " open"), reportingLines(report));
        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.ReportingLineChanged"),
                eventTypes(report));
    }

    @Test
    void changing_team_and_manager_at_once_records_both_and_nothing_when_nothing_changes() throws SQLException {
        String org = newOrganisation();
        UUID manager = registerPerson(org, null);
        UUID id = registerPerson(org, null);
        Map<String, Object> body = person(id, manager);
        body.remove("id");
        body.put("team", "data");

        as(org).body(body).put("/people/{id}", id).then().statusCode(200).header("ETag", "\"3\"")
                .body("team", equalTo("data"));
        as(org).body(body).put("/people/{id}", id).then().statusCode(200).header("ETag", "\"3\"");

        assertEquals(3, eventTypes(id).size());
    }

    @Test
    void a_reporting_line_that_would_go_round_in_a_circle_is_refused_and_stores_nothing() throws SQLException {
        String org = newOrganisation();
        UUID top = registerPerson(org, null);
        UUID middle = registerPerson(org, top);
        UUID bottom = registerPerson(org, middle);

        changeManager(org, top, bottom).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/reporting-cycle"))
                .body("errors[0].field", equalTo("managerId"));
        changeManager(org, top, top).statusCode(422).body("type", equalTo("https://oneonone.dev/problems/own-manager"));

        assertEquals(1, eventTypes(top).size());
        as(org).get("/people/{id}", top).then().body("managerId", nullValue());
    }

    @Test
    void a_stale_expected_version_gets_409() {
        String org = newOrganisation();
        UUID id = registerPerson(org, null);
        Map<String, Object> body = person(id, null);
        body.remove("id");
        body.put("team", "data");
        as(org).header("If-Match", "\"1\"").body(body).put("/people/{id}", id).then().statusCode(200);

        body.put("team", "infra");
        as(org).header("If-Match", "\"1\"").body(body).put("/people/{id}", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/version-conflict"))
                .body("detail", startsWith("Person " + id));
    }

    @Test
    void after_employment_ended_nobody_new_reports_to_them_and_their_entry_stays() throws SQLException {
        String org = newOrganisation();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID leaving = PeopleApi.registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(60));
        UUID report = PeopleApi.registerPersonOn(org, UUID.randomUUID(), leaving, today.minusDays(30));

        as(org).body(Map.of("lastDay", today.minusDays(1).toString())).post("/people/{id}/employment-end", leaving).then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("employed", equalTo(false))
                .body("lastDay", equalTo(today.minusDays(1).toString()));

        register(org, person(UUID.randomUUID(), leaving)).statusCode(422)
                .body("type", equalTo("https://oneonone.dev/problems/manager-not-employed"));
        as(org).body(Map.of("lastDay", "2027-01-31")).post("/people/{id}/employment-end", leaving).then()
                .statusCode(409).body("type", equalTo("https://oneonone.dev/problems/employment-ended"));
        as(org).get("/people/{id}", report).then().statusCode(200).body("managerId", equalTo(leaving.toString()));
        as(org).queryParam("employed", false).get("/people").then().body("items.id", equalTo(List.of(leaving.toString())));
    }

    @Test
    void the_directory_pages_with_a_cursor_and_filters() {
        String org = newOrganisation();
        UUID manager = registerPerson(org, null);
        for (int i = 0; i < 4; i++) {
            registerPerson(org, manager);
        }
        Map<String, Object> other = person(UUID.randomUUID(), null);
        other.put("team", "data");
        other.put("department", "DATA");
        register(org, other).statusCode(201);

        String next = as(org).queryParam("limit", 3).queryParam("managerId", manager).get("/people").then()
                .statusCode(200).body("items", hasSize(3)).extract().path("next");
        as(org).queryParam("limit", 3).queryParam("managerId", manager).queryParam("after", next)
                .get("/people").then().statusCode(200).body("items", hasSize(1)).body("next", nullValue());
        as(org).queryParam("team", "data").get("/people").then().body("items", hasSize(1));
        as(org).queryParam("department", "ENG").get("/people").then().body("items", hasSize(5));
        as(org).queryParam("limit", 101).get("/people").then().statusCode(400).body("errors[0].field", equalTo("limit"))
                .body("errors[0].reason", equalTo("out-of-range"));
        as(org).queryParam("limit", 0).get("/people").then().statusCode(400).body("errors[0].reason", equalTo("out-of-range"));
    }

    /** Issue 12 follow-up: a query parameter the operation does not take is refused, never ignored. */
    @Test
    void an_unknown_query_parameter_is_400_naming_it() {
        String org = newOrganisation();
        as(org).queryParam("limit", 1).queryParam("bogus", 1).queryParam("cursor", "abc").get("/people").then()
                .statusCode(400).body("type", equalTo("https://oneonone.dev/problems/invalid-input"))
                .body("errors.field", contains("bogus", "cursor"))
                .body("errors.reason", contains("unknown-parameter", "unknown-parameter"));
        as(org).queryParam("limit", 1).get("/people").then().statusCode(200);
    }

    @Test
    void a_person_sees_themselves_and_their_direct_reports_only() {
        String org = newOrganisation();
        UUID manager = registerPerson(org, null);
        UUID report = registerPerson(org, manager);
        UUID colleague = registerPerson(org, null);

        with(personToken(org, manager)).get("/people").then().statusCode(200)
                .body("items.id", containsInAnyOrder(manager.toString(), report.toString()));
        with(personToken(org, manager)).get("/people/{id}", report).then().statusCode(200);
        with(personToken(org, report)).get("/people/{id}", manager).then().statusCode(404);
        with(personToken(org, colleague)).get("/people/{id}", report).then().statusCode(404);
    }

    @Test
    void an_import_with_any_refused_row_stores_nothing_and_names_every_row_at_fault() throws SQLException {
        String org = newOrganisation();
        UUID existing = registerPerson(org, null);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(person(UUID.randomUUID(), existing));          // 0: fine
        Map<String, Object> badEmail = person(UUID.randomUUID(), null);
        badEmail.put("email", "nope");
        rows.add(badEmail);                                       // 1: email
        rows.add(person(UUID.randomUUID(), UUID.randomUUID()));   // 2: unknown manager
        rows.add(person(b, c));                                   // 3: b -> c -> b
        rows.add(person(c, b));                                   // 4
        rows.add(person(a, b));                                   // 5: fine on its own, under the circle
        Map<String, Object> sameEmail = person(UUID.randomUUID(), null);
        sameEmail.put("email", existing + "@people.example");
        rows.add(sameEmail);                                      // 6: email taken
        Map<String, Object> sameId = person(a, null);
        sameId.put("email", "someone.else@people.example");
        rows.add(sameId);                                         // 7: same id as row 5

        as(org).body(Map.of("people", rows)).post("/people/import").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/import-refused"))
                .body("errors.field", equalTo(List.of("people[1].email", "people[2].managerId",
                        "people[3].managerId", "people[4].managerId", "people[6].email", "people[7].id")));

        assertEquals(1, count("select count(*) from person_overview where organisation_id = ?", org));
        assertEquals(1, count("select count(*) from event where organisation_id = ?", org));
    }

    @Test
    void a_null_row_in_an_import_is_400_naming_it_and_stores_nothing() throws SQLException {
        String org = newOrganisation();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(person(UUID.randomUUID(), null));
        rows.add(null);

        as(org).body(Map.of("people", rows)).post("/people/import").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("people[1]")));
        as(org).body("{\"people\":[null]}").post("/people/import").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("people[0]")));

        assertEquals(0, count("select count(*) from event where organisation_id = ?", org));
    }

    @Test
    void team_and_department_are_codes_never_names_or_free_text() throws SQLException {
        String org = newOrganisation();
        for (String notACode : List.of("Platform Team", "\u0000", "ada@acme.example", "Ingénierie", "", " eng",
                "-eng", "eng\n", "x".repeat(65))) {
            Map<String, Object> body = person(UUID.randomUUID(), null);
            body.put("team", notACode);
            body.put("department", notACode);
            // a value the input policy refuses while reading the body (NUL, a line break) is named alone
            register(org, body).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("team"));
        }
        UUID id = UUID.randomUUID();
        register(org, person(id, null)).statusCode(201);
        Map<String, Object> change = person(id, null);
        change.remove("id");
        change.put("team", "Data Science");
        as(org).body(change).put("/people/{id}", id).then().statusCode(400).body("errors.field", contains("team"));
        Map<String, Object> row = person(UUID.randomUUID(), null);
        row.put("department", "Engineering & Research");
        as(org).body(Map.of("people", List.of(row))).post("/people/import").then().statusCode(422)
                .body("errors.field", contains("people[0].department"));
        assertEquals(1, count("select count(*) from event where organisation_id = ?", org));

        for (String code : List.of("platform", "ENG", "eng.platform-2", "team_7", "x".repeat(64))) {
            Map<String, Object> body = person(UUID.randomUUID(), null);
            body.put("team", code);
            body.put("department", code);
            register(org, body).statusCode(201).body("team", equalTo(code)).body("department", equalTo(code));
        }
    }

    @Test
    void an_import_of_two_thousand_people_registers_them_all_managers_first() throws SQLException {
        String org = newOrganisation();
        List<UUID> ids = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(UUID.randomUUID());
        }
        // a tree ten wide, listed reports first so that the service has to order it
        for (int i = 1999; i >= 0; i--) {
            rows.add(person(ids.get(i), i == 0 ? null : ids.get((i - 1) / 10)));
        }

        List<String> created = as(org).body(Map.of("people", rows)).post("/people/import").then()
                .statusCode(201)
                .body("created", equalTo(2000))
                .extract().path("ids");

        assertEquals(rows.stream().map(row -> row.get("id")).toList(), created);
        assertEquals(2000, count("select count(*) from person_overview where organisation_id = ?", org));
        assertEquals(1999, count("select count(*) from reporting_line where organisation_id = ? and to_time is null", org));
        assertEquals(0, count("""
                select count(*) from event report join event manager
                  on manager.stream_id = (report.payload->>'managerId')::uuid
                where report.organisation_id = ? and manager.position > report.position""", org),
                "every manager is registered before their reports");
        as(org).get("/people/{id}", ids.get(1999)).then().statusCode(200)
                .body("managerId", equalTo(ids.get(199).toString()));
        // and the import answers a circle through the directory, too
        changeManager(org, ids.get(0), ids.get(1999)).statusCode(422);
    }

    @Test
    void the_import_takes_bodies_over_the_api_limit_up_to_its_own() {
        String org = newOrganisation();
        // padded with JSON whitespace: an unknown padding field would be refused by strict JSON
        String body = "{\"people\":[]" + " ".repeat(2 * 1024 * 1024) + "}";

        as(org).body(body).post("/people/import").then().statusCode(400).body("errors[0].field", equalTo("people"));

        as(org).body("{\"people\":[]" + " ".repeat(17 * 1024 * 1024) + "}").post("/people/import").then().statusCode(413).contentType("application/problem+json");
    }

    private static String newOrganisation() {
        return "people-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> reportingLines(UUID person) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select manager_id, to_time from reporting_line where person_id = ? order by from_time")) {
            q.setObject(1, person);
            try (ResultSet rs = q.executeQuery()) {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getObject(1) + (rs.getTimestamp(2) == null ? " open" : " closed"));
                }
                return lines;
            }
        }
    }

    private List<String> eventTypes(UUID stream) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select event_type from event where stream_id = ? order by version")) {
            q.setObject(1, stream);
            try (ResultSet rs = q.executeQuery()) {
                List<String> types = new ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
                return types;
            }
        }
    }

    private long count(String sql, String organisation) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, organisation);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
