package dev.oneonone.meetings.rest.privacy;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static dev.oneonone.meetings.rest.PeopleApi.endEmployment;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static dev.oneonone.meetings.rest.MeetingsApi.integrationToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.kit.privacy.StoredText;
import dev.oneonone.meetings.messaging.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A leaver's erasure (issue 18 part 3, POST /people/{id}/erasure): their name, email and SCIM identifiers are gone from
 * every table of meetings-service, their id and dates stay, PersonErased is published without content and keeps the
 * AsyncAPI document, a second request answers the same, and nobody still employed is erased.
 */
@QuarkusTest
class PersonErasureTest {
    @Inject
    DataSource dataSource;

    @Test
    void a_leavers_name_email_and_identifiers_are_erased_everywhere_while_id_and_dates_stay() throws Exception {
        String org = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID leaver = UUID.randomUUID();
        Map<String, Object> entry = person(leaver, null);
        entry.put("effectiveOn", today.minusDays(100).toString());
        String name = (String) entry.get("name");
        String email = (String) entry.get("email");
        as(org).header("Idempotency-Key", "register-" + leaver).body(entry).post("/people").then().statusCode(201);
        endEmployment(org, leaver, today.minusDays(2)).statusCode(200);
        String userName = "user-" + leaver + "@idp.example";
        String externalId = "ext-" + leaver;
        insertScimIdentity(org, leaver, userName, externalId);
        UUID colleague = registerPerson(org, null);
        JsonPath before = as(org).get("/people/{id}", leaver).then().statusCode(200).extract().jsonPath();
        assertTrue(StoredText.occurrences(dataSource, name) > 0, "the name is stored before");

        // nobody still employed is erased, and the refusal changes nothing
        as(org).post("/people/{id}/erasure", colleague).then().statusCode(409)
                .body("type", endsWith("/still-employed"));
        as(org).post("/people/{id}/erasure", UUID.randomUUID()).then().statusCode(404);
        with(personToken(org, colleague)).post("/people/{id}/erasure", leaver).then().statusCode(403);

        // a body other than none or {} is refused field by field, another media type 415, and neither erases
        as(org).body("{\"foo\": 1, \"bar\": {\"x\": 2}}").post("/people/{id}/erasure", leaver).then().statusCode(400)
                .body("errors.field", contains("foo", "bar")).body("errors.reason", everyItem(equalTo("unknown-field")));
        as(org).body("[]").post("/people/{id}/erasure", leaver).then().statusCode(400);
        as(org).body("null").post("/people/{id}/erasure", leaver).then().statusCode(400)
                .body("errors[0].field", equalTo("body")).body("errors[0].reason", equalTo("wrong-type"));
        given().auth().oauth2(integrationToken(org)).contentType("text/plain").body("erase").post("/people/{id}/erasure", leaver)
                .then().statusCode(415).body("type", endsWith("/unsupported-media-type"))
                .body("detail", containsString("application/json")).body("detail", not(containsString("@Consumes")));
        as(org).get("/people/{id}", leaver).then().statusCode(200).body("name", equalTo(name));
        // every unknown field of another write is named too, not only the first
        as(org).body("{\"foo\": 1, \"bar\": 2, \"name\": \"\"}").put("/people/{id}", colleague).then().statusCode(400)
                .body("errors.field", hasItems("foo", "bar"));

        JsonPath erased = as(org).body("{}").post("/people/{id}/erasure", leaver).then().statusCode(200)
                .body("name", equalTo("(erased)"))
                .body("email", equalTo("erased-" + leaver + "@erased.invalid"))
                .extract().jsonPath();
        for (String kept : List.of("id", "team", "department", "employed", "employedSince", "lastDay")) {
            assertEquals(before.<Object>get(kept), erased.get(kept), kept);
        }
        // a second request answers the same and records nothing
        JsonPath again = as(org).post("/people/{id}/erasure", leaver).then().statusCode(200).extract().jsonPath();
        assertEquals(erased.<Object>get(""), again.<Object>get(""));

        for (String personal : List.of(name, email, userName, externalId)) {
            assertEquals(0, StoredText.occurrences(dataSource, personal), personal + " is still stored");
        }
        as(org).get("/people/{id}", leaver).then().statusCode(200).body("name", equalTo("(erased)"));
        as(org).body(Map.of("name", "Back Again", "email", "back-" + leaver + "@people.example"))
                .post("/people/{id}/rehire", leaver).then().statusCode(409).body("type", endsWith("/person-erased"));

        List<EventEnvelope> events = PublishedEvents.ofAggregate(leaver, 3, Duration.ofSeconds(30)).stream()
                .map(PublishedEvents::envelope).toList();
        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.EmploymentEnded",
                "oneonone.meetings.PersonErased"), events.stream().map(EventEnvelope::type).toList());
        EventEnvelope event = events.get(2);
        assertEquals(org, event.organisationId());
        assertEquals("person", event.aggregateType());
        assertEquals(Map.of("personId", leaver.toString()), new ObjectMapper().readValue(event.data(), Map.class));
        assertTrue(Duration.between(event.occurredAt(), Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0);
        for (EventEnvelope any : events) {
            assertFalse(any.data().contains(name) || any.data().contains(email), any.data());
        }
    }

    private void insertScimIdentity(String org, UUID person, String userName, String externalId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into scim_identity (person_id, organisation_id, user_name, external_id, created_at, modified_at) "
                        + "values (?, ?, ?, ?, now(), now())")) {
            insert.setObject(1, person);
            insert.setString(2, org);
            insert.setString(3, userName);
            insert.setString(4, externalId);
            insert.executeUpdate();
        }
    }
}
