package dev.oneonone.agenda;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.PersonErased;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A person's erasure as agenda-service applies it (issue 18 part 3): on PersonErased their private notes are gone from
 * every table, they are no longer named as author of shared topics, notes and agreements, and what the other
 * participant reads stays (text, sides, statuses).
 */
@QuarkusTest
class PersonErasureTest {
    @Inject
    DataSource dataSource;

    @Test
    void an_erased_persons_private_notes_are_gone_and_their_authorship_removed() throws Exception {
        String org = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        publish(envelope(org, 1, seriesStarted(series, manager, leaver)),
                envelope(org, 2, meetingScheduled(series, meeting, Instant.now().plus(1, ChronoUnit.DAYS), false)));
        String leaverToken = personToken(org, leaver);
        String managerToken = personToken(org, manager);
        awaitAgenda(leaverToken, meeting);
        String secret = "secret-" + UUID.randomUUID();

        String topic = given().auth().oauth2(leaverToken).contentType("application/json")
                .body(Map.of("title", "Shared topic", "kind", "CAREER", "askOtherSideToPrepare", false))
                .post("/meetings/{id}/topics", meeting).then().statusCode(201).extract().path("id");
        String shared = given().auth().oauth2(leaverToken).contentType("application/json")
                .body(Map.of("visibility", "SHARED", "text", "Shared note"))
                .post("/meetings/{id}/notes", meeting).then().statusCode(201).extract().path("id");
        String own = given().auth().oauth2(leaverToken).header("Idempotency-Key", "private-" + secret)
                .contentType("application/json").body(Map.of("visibility", "PRIVATE", "text", "Private " + secret))
                .post("/meetings/{id}/notes", meeting).then().statusCode(201).extract().path("id");
        given().auth().oauth2(leaverToken).contentType("application/json").body(Map.of("text", "Private again " + secret))
                .put("/notes/{id}", own).then().statusCode(200);
        String managers = given().auth().oauth2(managerToken).contentType("application/json")
                .body(Map.of("visibility", "PRIVATE", "text", "The manager's own note"))
                .post("/meetings/{id}/notes", meeting).then().statusCode(201).extract().path("id");
        String agreement = given().auth().oauth2(leaverToken).contentType("application/json")
                .body(Map.of("wording", "Hand over the on-call duty", "ownerId", leaver.toString()))
                .post("/meetings/{id}/agreements", meeting).then().statusCode(201).extract().path("id");
        assertEquals(1, count("select count(*) from idempotency_key where caller = ?", leaver.toString()));

        publish(envelope(org, 5, new PersonErased(leaver)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from note where note_id = ?::uuid", own) == 0);

        assertEquals(0, count("select count(*) from note_revision where note_id = ?::uuid", own));
        assertEquals(0, count("select count(*) from idempotency_key where strpos(body, ?) > 0", secret));
        assertEquals(0, count("select count(*) from idempotency_key where caller = ?", leaver.toString()));
        assertEquals(0, count("select count(*) from topic where author_id = ?::uuid", leaver.toString()));
        assertEquals(0, count("select count(*) from note where author_id = ?::uuid", leaver.toString()));
        assertEquals(0, count("select count(*) from note_revision where written_by = ?::uuid", leaver.toString()));
        assertEquals(0, count("select count(*) from agreement where made_by_id = ?::uuid", leaver.toString()));
        assertEquals(1, count("select count(*) from note where note_id = ?::uuid", managers), "the other side's note stays");

        // the other participant reads what was shared as before: text, sides and statuses stay
        JsonPath agenda = given().auth().oauth2(managerToken).get("/meetings/{id}/agenda", meeting).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(topic), agenda.getList("topics.id"));
        assertEquals(List.of("COMPANION"), agenda.getList("topics.authorRole"));
        JsonPath notes = given().auth().oauth2(managerToken).get("/meetings/{id}/notes", meeting).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(shared, managers), notes.getList("items.id"));
        assertEquals(List.of("Shared note", "The manager's own note"), notes.getList("items.text"));
        assertEquals("OPEN", given().auth().oauth2(managerToken).get("/agreements/{id}", agreement).then().statusCode(200)
                .extract().path("agreement.status"));

        // applied again (a redelivery under another id, a replay): nothing more changes, nothing fails
        publish(envelope(org, 5, new PersonErased(leaver)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(2))
                .until(() -> count("select count(*) from note where note_id = ?::uuid", managers) == 1);
    }

    private long count(String sql, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
