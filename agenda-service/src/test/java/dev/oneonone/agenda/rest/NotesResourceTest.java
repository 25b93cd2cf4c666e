package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class NotesResourceTest {
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

    static ValidatableResponse write(UUID person, UUID meeting, String visibility, String text) {
        return given().auth().oauth2(personToken(ORG, person)).contentType("application/json")
                .body(Map.of("visibility", visibility, "text", text))
                .post("/meetings/{id}/notes", meeting).then();
    }

    private static ValidatableResponse edit(UUID person, String note, String ifMatch, String text) {
        var request = given().auth().oauth2(personToken(ORG, person)).contentType("application/json")
                .body(Map.of("text", text));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/notes/{id}", note).then();
    }

    private static ValidatableResponse read(UUID person, String path, Object... params) {
        return given().auth().oauth2(personToken(ORG, person)).get(path, params).then();
    }

    @Test
    void a_shared_note_is_read_and_edited_by_both_and_keeps_its_history() throws Exception {
        aMeeting();
        String note = write(companion, meeting, "SHARED", "We agreed to try pairing.").statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .header("Location", org.hamcrest.Matchers.containsString("/notes/"))
                .body("visibility", equalTo("SHARED")).body("revision", equalTo(1))
                .body("authorRole", equalTo("COMPANION")).extract().path("id");

        read(leader, "/notes/{id}", note).statusCode(200).header("ETag", equalTo("\"1\""))
                .body("text", equalTo("We agreed to try pairing."));
        edit(leader, note, "\"1\"", "We agreed to try pairing for two weeks.").statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("revision", equalTo(2))
                .body("authorRole", equalTo("COMPANION")).body("lastWrittenByRole", equalTo("LEADER"));
        edit(companion, note, null, "We agreed to try pairing for two weeks, then decide.").statusCode(200)
                .body("revision", equalTo(3));

        read(companion, "/notes/{id}/revisions", note).statusCode(200)
                .body("items.revision", contains(1, 2, 3))
                .body("items.text", contains("We agreed to try pairing.", "We agreed to try pairing for two weeks.",
                        "We agreed to try pairing for two weeks, then decide."))
                .body("items.writtenByRole", contains("COMPANION", "LEADER", "COMPANION"))
                .body("next", nullValue());
        read(leader, "/notes/{id}/revisions?limit=2", note).body("items.revision", contains(1, 2))
                .body("next", equalTo("2"));
        read(leader, "/notes/{id}/revisions?limit=2&after=2", note).body("items.revision", contains(3))
                .body("next", nullValue());
    }

    @Test
    void a_private_note_reaches_its_author_only_and_the_other_side_gets_no_hint() throws Exception {
        aMeeting();
        String shared = write(leader, meeting, "SHARED", "Shared thoughts").statusCode(201).extract().path("id");
        String secret = write(leader, meeting, "PRIVATE", "Considering a raise for them").statusCode(201)
                .extract().path("id");
        edit(leader, secret, "\"1\"", "Considering a raise for them in March").statusCode(200);

        read(leader, "/meetings/{id}/notes", meeting).statusCode(200).body("items.id", contains(shared, secret));
        read(leader, "/notes/{id}/revisions", secret).statusCode(200).body("items.revision", contains(1, 2));

        // for the other participant the private note does not exist: not listed, not counted, 404 like any unknown id
        read(companion, "/meetings/{id}/notes", meeting).statusCode(200).body("items.id", contains(shared))
                .body("items.size()", equalTo(1));
        read(companion, "/notes/{id}", secret).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/not-found"));
        read(companion, "/notes/{id}/revisions", secret).statusCode(404);
        edit(companion, secret, null, "Overwritten?").statusCode(404);
        read(companion, "/notes/{id}", UUID.randomUUID()).statusCode(404);
        read(leader, "/notes/{id}", secret).body("text", equalTo("Considering a raise for them in March"));

        // someone outside the series, or another organisation, sees no note at all
        read(UUID.randomUUID(), "/notes/{id}", shared).statusCode(404);
        given().auth().oauth2(personToken("globex", leader)).get("/notes/{id}", secret).then().statusCode(404);

        // a director (no person role) is refused outright: 403
        String director = SuiteInfrastructure.signingKey().mint(ORG, UUID.randomUUID().toString(), List.of("director"),
                Duration.ofMinutes(5));
        given().auth().oauth2(director).get("/notes/{id}", shared).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(director).get("/meetings/{id}/notes", meeting).then().statusCode(403);
    }

    @Test
    void a_stale_revision_is_409_and_nothing_is_lost() throws Exception {
        aMeeting();
        String note = write(companion, meeting, "SHARED", "First take").statusCode(201).extract().path("id");
        edit(leader, note, "\"1\"", "Leader's take").statusCode(200);

        edit(companion, note, "\"1\"", "Companion's take from an old screen").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/note-changed"));
        read(companion, "/notes/{id}", note).body("text", equalTo("Leader's take")).body("revision", equalTo(2));
        edit(companion, note, "W/\"2\"", "Companion's take").statusCode(200).body("revision", equalTo(3));
    }

    @Test
    void text_limits_visibility_and_page_sizes_are_refused_field_by_field() throws Exception {
        aMeeting();

        write(companion, meeting, "SHARED", " ").statusCode(400).body("errors.field", contains("text"));
        write(companion, meeting, "SHARED", "x".repeat(10_001)).statusCode(400).body("errors.field", contains("text"));
        write(companion, meeting, "SECRET", "Hello").statusCode(400).body("errors.field", contains("visibility"));
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(Map.of("text", "No visibility")).post("/meetings/{id}/notes", meeting).then()
                .statusCode(400).body("errors.field", contains("visibility"));
        read(companion, "/meetings/{id}/notes?limit=101", meeting).statusCode(400)
                .body("errors.field", contains("limit"));
        read(companion, "/meetings/{id}/notes?limit=0", meeting).statusCode(400);
        read(companion, "/meetings/{id}/notes?after=abc", meeting).statusCode(400).body("errors.field", contains("after"));
        read(companion, "/meetings/{id}/notes", meeting).body("items.size()", equalTo(0));

        String note = write(companion, meeting, "SHARED", "Fine").statusCode(201).extract().path("id");
        edit(companion, note, null, "y".repeat(10_001)).statusCode(400).body("errors.field", contains("text"));
        read(companion, "/notes/{id}", note).body("revision", equalTo(1));
    }

    @Test
    void notes_are_paged_oldest_first() throws Exception {
        aMeeting();
        for (int i = 1; i <= 3; i++) {
            write(companion, meeting, "SHARED", "Note " + i).statusCode(201);
        }

        String next = read(leader, "/meetings/{id}/notes?limit=2", meeting).statusCode(200)
                .body("items.text", contains("Note 1", "Note 2")).body("next", not(nullValue()))
                .extract().path("next");
        read(leader, "/meetings/{id}/notes?limit=2&after=" + next, meeting)
                .body("items.text", contains("Note 3")).body("next", nullValue());
    }

    @Test
    void notes_of_someone_elses_meeting_are_404() throws Exception {
        aMeeting();

        write(UUID.randomUUID(), meeting, "SHARED", "Not mine").statusCode(404);
        read(UUID.randomUUID(), "/meetings/{id}/notes", meeting).statusCode(404);
        write(companion, UUID.randomUUID(), "SHARED", "No such meeting").statusCode(404);
    }
}
