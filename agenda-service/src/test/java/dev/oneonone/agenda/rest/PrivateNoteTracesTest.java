package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static dev.oneonone.agenda.rest.NotesResourceTest.write;
import static dev.oneonone.agenda.rest.TopicsResourceTest.topic;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, item 7: nothing the other participant can observe shows that a private note exists: not the agenda's
 * ETag (nor an If-Match taken from it), not the notes list's cursors. (The event stream: PublishedAgendaEventsTest.)
 */
@QuarkusTest
class PrivateNoteTracesTest {
    private static final String ORG = "acme";

    private final UUID series = UUID.randomUUID();
    private final UUID meeting = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();

    private void aMeeting() throws Exception {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, meeting, Instant.now().plus(1, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(ORG, companion), meeting);
    }

    private String etagFor(UUID person) {
        return given().auth().oauth2(personToken(ORG, person)).get("/meetings/{id}/agenda", meeting).then()
                .statusCode(200).extract().header("ETag");
    }

    @Test
    void the_leaders_private_note_writes_leave_the_companions_agenda_etag_and_if_match_alone() throws Exception {
        privateNoteWritesLeaveTheEtagAlone(leader, companion);
    }

    @Test
    void the_companions_private_note_writes_leave_the_leaders_agenda_etag_and_if_match_alone() throws Exception {
        privateNoteWritesLeaveTheEtagAlone(companion, leader);
    }

    /** Per-viewer versions, in one direction: {@code author} writes and edits a private note, {@code other} sees no change. */
    private void privateNoteWritesLeaveTheEtagAlone(UUID author, UUID other) throws Exception {
        aMeeting();
        given().auth().oauth2(personToken(ORG, other)).contentType("application/json")
                .body(topic("Workload", "WELLBEING")).post("/meetings/{id}/topics", meeting).then().statusCode(201);
        String seenByOther = etagFor(other);

        String secret = write(author, meeting, "PRIVATE", "Considering a change for us").statusCode(201)
                .header("ETag", equalTo("\"1\"")).extract().path("id");
        given().auth().oauth2(personToken(ORG, author)).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("text", "Considering a change, after the review")).put("/notes/{id}", secret).then()
                .statusCode(200).header("ETag", equalTo("\"2\""));

        assertEquals(seenByOther, etagFor(other), "the other participant's ETag did not move");
        assertEquals(seenByOther, etagFor(author), "the same for both: it counts only what both may see");
        // the other's write at the version they read is not a concurrent change
        given().auth().oauth2(personToken(ORG, other)).contentType("application/json")
                .header("If-Match", seenByOther).body(topic("Conference budget", "CAREER"))
                .post("/meetings/{id}/topics", meeting).then().statusCode(201);
        // a shared note is seen by both, and moves the version for both
        String afterTopic = etagFor(other);
        write(author, meeting, "SHARED", "We agreed to try pairing.").statusCode(201);
        String afterShared = etagFor(other);
        assertEquals(Long.parseLong(afterTopic.replace("\"", "")) + 1, Long.parseLong(afterShared.replace("\"", "")));
        assertEquals(afterShared, etagFor(author));
    }

    @Test
    void a_stale_revision_of_a_private_note_is_still_refused_to_its_author() throws Exception {
        aMeeting();
        String note = write(leader, meeting, "PRIVATE", "First thought").statusCode(201).extract().path("id");
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("text", "Second thought")).put("/notes/{id}", note).then().statusCode(200);

        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("text", "Lost thought")).put("/notes/{id}", note).then().statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/note-changed"));
        given().auth().oauth2(personToken(ORG, leader)).get("/notes/{id}/revisions", note).then()
                .body("items.text", contains("First thought", "Second thought"));
        // still nothing for the other side
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(Map.of("text", "Mine now")).put("/notes/{id}", note).then().statusCode(404);
    }

    @Test
    void note_cursors_name_the_last_note_listed_and_reveal_nothing_of_private_notes_between() throws Exception {
        aMeeting();
        String first = write(companion, meeting, "SHARED", "Note 1").statusCode(201).extract().path("id");
        String secret = write(leader, meeting, "PRIVATE", "Leader only").statusCode(201).extract().path("id");
        String second = write(companion, meeting, "SHARED", "Note 2").statusCode(201).extract().path("id");
        write(companion, meeting, "SHARED", "Note 3").statusCode(201);

        String next = given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/notes?limit=1", meeting)
                .then().statusCode(200).body("items.text", contains("Note 1")).extract().path("next");
        assertEquals(first, next, "the cursor is the id of the last note listed, not a position");
        String then = given().auth().oauth2(personToken(ORG, companion))
                .get("/meetings/{id}/notes?limit=1&after=" + next, meeting).then().statusCode(200)
                .body("items.text", contains("Note 2")).extract().path("next");
        assertEquals(second, then);
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/notes?limit=5&after=" + then, meeting)
                .then().statusCode(200).body("items.text", contains("Note 3")).body("next", nullValue());

        // the other side's private note is no cursor (as an unknown one): its place in the list stays unknown
        for (String cursor : List.of(secret, UUID.randomUUID().toString(), "17")) {
            given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/notes?after=" + cursor, meeting)
                    .then().statusCode(400).body("errors.field", contains("after"));
        }
        // its author pages through it like any note
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/notes?limit=5&after=" + first, meeting)
                .then().statusCode(200).body("items.text", contains("Leader only", "Note 2", "Note 3"));
    }
}
