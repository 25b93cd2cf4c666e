package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.oneonone.meetings.messaging.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** PUT /groups/{kind}/{code} and GET /groups: display names kept in meetings-service, never in an event. */
@QuarkusTest
class GroupNamesTest {

    @Inject
    DataSource dataSource;

    private static String newOrganisation() {
        return "groups-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse name(String org, String kind, String code, Object body) {
        return as(org).body(body).put("/groups/{kind}/{code}", kind, code).then();
    }

    @Test
    void a_group_is_named_renamed_and_listed_by_kind_then_code() {
        String org = newOrganisation();
        name(org, "team", "platform", Map.of("name", "Platform")).statusCode(200)
                .body("kind", equalTo("team")).body("code", equalTo("platform")).body("name", equalTo("Platform"));
        name(org, "team", "platform", Map.of("name", "  Platform Engineering ")).statusCode(200)
                .body("name", equalTo("Platform Engineering"));
        name(org, "department", "ENG", Map.of("name", "Engineering")).statusCode(200);
        name(org, "team", "design", Map.of("name", "Design")).statusCode(200);

        with(personToken(org, UUID.randomUUID())).get("/groups").then().statusCode(200)
                .body("items.code", contains("ENG", "design", "platform"))
                .body("items.name", contains("Engineering", "Design", "Platform Engineering"))
                .body("next", nullValue());
        with(personToken(org, UUID.randomUUID())).queryParam("kind", "team").get("/groups").then().statusCode(200)
                .body("items.code", contains("design", "platform"));
    }

    @Test
    void the_list_pages_with_limit_and_after() {
        String org = newOrganisation();
        for (String code : List.of("a", "b", "c")) {
            name(org, "team", code, Map.of("name", "Team " + code)).statusCode(200);
        }
        String next = as(org).queryParam("limit", 2).get("/groups").then().statusCode(200)
                .body("items.code", contains("a", "b")).extract().path("next");
        as(org).queryParam("limit", 2).queryParam("after", next).get("/groups").then().statusCode(200)
                .body("items.code", contains("c")).body("next", nullValue());
        problem(as(org).queryParam("after", "not-a-cursor").get("/groups").then(), "after");
        problem(as(org).queryParam("limit", 101).get("/groups").then(), "limit");
        problem(as(org).queryParam("kind", "squad").get("/groups").then(), "kind");
        with(MeetingsApi.integrationToken(org + "-other")).get("/groups").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void kind_code_and_name_are_checked_field_by_field() {
        String org = newOrganisation();
        problem(name(org, "squad", "platform", Map.of("name", "Platform")), "kind");
        problem(name(org, "team", "has space", Map.of("name", "Platform")), "code");
        problem(name(org, "team", "platform", Map.of("name", " ")), "name");
        problem(name(org, "team", "platform", Map.of()), "name");
        problem(name(org, "team", "platform", Map.of("name", "x".repeat(201))), "name");
        name(org, "team", "platform", Map.of("name", "x".repeat(200))).statusCode(200);
    }

    @Test
    void only_an_integration_names_groups() {
        String org = newOrganisation();
        with(personToken(org, UUID.randomUUID())).body(Map.of("name", "Platform")).put("/groups/team/platform")
                .then().statusCode(403).contentType("application/problem+json");
        with(null).body(Map.of("name", "Platform")).put("/groups/team/platform").then().statusCode(401);
    }

    @Test
    void a_name_never_enters_an_event_nor_kafka() throws Exception {
        String org = newOrganisation();
        registerPerson(org, null); // the organisation has events of its own
        long before = eventsOf(org);
        String secret = "Skunkworks " + UUID.randomUUID();

        name(org, "team", "platform", Map.of("name", secret)).statusCode(200);
        name(org, "department", "ENG", Map.of("name", secret)).statusCode(200);

        assertEquals(before, eventsOf(org), "naming a group records no event");
        assertEquals(0, count("select count(*) from event where payload::text like ?", "%" + secret + "%"),
                "no stored event (the outbox) carries the name");
        assertTrue(PublishedEvents.valuesContaining(secret).isEmpty(), "no record on the topic carries the name");
    }

    private long eventsOf(String org) throws SQLException {
        return count("select count(*) from event where organisation_id = ?", org);
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void problem(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
