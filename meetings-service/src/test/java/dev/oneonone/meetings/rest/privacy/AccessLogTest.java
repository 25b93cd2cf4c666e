package dev.oneonone.meetings.rest.privacy;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.openapi.OpenApiResponses;
import dev.oneonone.kit.privacy.AccessRecordWriter;
import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Issue 18 part 1: reads of a person's 1:1 data by others are in their access log; their own and their companion's are not. */
@QuarkusTest
class AccessLogTest {
    @Inject
    AccessRecordWriter writer;

    @Test
    void an_integrations_reads_of_a_series_are_in_both_participants_logs_newest_first() throws SQLException {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String series = startUnread(org, leader, companion);

        as(org).get("/series/{id}", series).then().statusCode(200);
        as(org).get("/series/{id}/meetings", series).then().statusCode(200);
        writer.write();

        for (UUID person : new UUID[] { leader, companion }) {
            with(personToken(org, person)).get("/me/access-log").then().statusCode(200)
                    .body("items.kind", contains("SERIES_MEETINGS", "SERIES"))
                    .body("items.readerId", contains("integration-" + org, "integration-" + org))
                    .body("items.readerRole", contains("integration", "integration"))
                    .body("items.resourceId", contains(series, series))
                    .body("next", nullValue());
        }
    }

    @Test
    void a_read_of_one_meeting_by_the_integration_is_in_both_logs_the_participants_are_not() throws SQLException {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String series = startUnread(org, leader, companion);
        String meeting = unfollowed(org).body(Map.of("scheduledFor", nextWeek().toString()))
                .post("/series/{id}/meetings", series).then().statusCode(201).extract().path("id");

        with(personToken(org, leader)).get("/series/{id}/meetings/{meeting}", series, meeting).then().statusCode(200);
        as(org).get("/series/{id}/meetings/{meeting}", series, meeting).then().statusCode(200);
        writer.write();

        for (UUID person : new UUID[] { leader, companion }) {
            with(personToken(org, person)).get("/me/access-log").then().statusCode(200)
                    .body("items.kind", contains("MEETING")).body("items.resourceId", contains(series));
        }
    }

    @Test
    void the_participants_own_reads_are_not_recorded() throws SQLException {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String series = startUnread(org, leader, companion);

        with(personToken(org, leader)).get("/series/{id}", series).then().statusCode(200);
        with(personToken(org, companion)).get("/series/{id}/meetings", series).then().statusCode(200);
        with(personToken(org, companion)).get("/series").then().statusCode(200);
        with(personToken(org, leader)).get("/meetings").then().statusCode(200);
        writer.write();

        with(personToken(org, leader)).get("/me/access-log").then().statusCode(200).body("items", empty());
        with(personToken(org, companion)).get("/me/access-log").then().statusCode(200).body("items", empty());
    }

    @Test
    void the_log_pages_newest_first_with_limit_and_after() throws SQLException {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leader = UUID.randomUUID();
        String series = startUnread(org, leader, UUID.randomUUID());
        unfollowed(org).body(Map.of("scheduledFor", nextWeek().toString()))
                .post("/series/{id}/meetings", series).then().statusCode(201);
        as(org).get("/series/{id}", series).then().statusCode(200);
        as(org).get("/series").then().statusCode(200);
        as(org).get("/meetings").then().statusCode(200);
        writer.write();

        String token = personToken(org, leader);
        String next = with(token).get("/me/access-log?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items.kind", contains("SERIES_LIST", "SERIES_LIST"))
                .extract().path("next");
        assertNotNull(next);
        with(token).queryParam("limit", 2).queryParam("after", next).get("/me/access-log").then().statusCode(200)
                .body("items.kind", contains("SERIES")).body("next", nullValue());
    }

    @Test
    void an_export_on_the_organisations_behalf_is_recorded_for_the_person_and_their_other_participants() throws SQLException {
        String org = "log-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = UUID.randomUUID();
        as(org).get("/people/{id}/export", person).then().statusCode(404)
                .contentType("application/problem+json");

        PeopleApi.registerPerson(org, person, null);
        UUID manager = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        // a series with the manager, one with a peer (each told once per export: kit AccessLogTest)
        startUnread(org, manager, person);
        startUnread(org, peer, person);
        UUID bystander = UUID.randomUUID();
        startUnread(org, manager, bystander);
        as(org).get("/people/{id}/export", person).then().statusCode(200).body("personId", equalTo(person.toString()));
        writer.write();

        for (UUID told : new UUID[] { person, manager, peer }) {
            with(personToken(org, told)).get("/me/access-log").then().statusCode(200)
                    .body("items.kind", contains("EXPORT")).body("items[0].readerRole", equalTo("integration"))
                    .body("items[0].resourceId", equalTo(person.toString()));
        }
        with(personToken(org, bystander)).get("/me/access-log").then().statusCode(200).body("items", empty());
        // the person's own export tells no one
        with(personToken(org, person)).get("/me/export").then().statusCode(200);
        writer.write();
        with(personToken(org, manager)).get("/me/access-log").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void a_malformed_page_is_refused_field_by_field() {
        String token = personToken("log-bad", UUID.randomUUID());
        with(token).get("/me/access-log?limit=0").then().statusCode(400).contentType("application/problem+json");
        with(token).get("/me/access-log?after=not-a-cursor").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
    }

    /** Starts a series as the integration, without a read of it: see {@link #unfollowed}. */
    private static String startUnread(String org, UUID leader, UUID companion) {
        return unfollowed(org).body(weeklySeries(leader, companion)).post("/series").then().statusCode(201)
                .extract().path("id");
    }

    /**
     * The integration's request without the kit's OpenApiResponses filter: that filter follows a 201's Location with a
     * GET as the same caller, which is a read by someone else, so it would be in the log these tests count.
     */
    private static RequestSpecification unfollowed(String org) {
        return as(org).noFiltersOfType(OpenApiResponses.class);
    }
}
