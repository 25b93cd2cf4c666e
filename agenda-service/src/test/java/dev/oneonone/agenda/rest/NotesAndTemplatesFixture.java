package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.local.SuiteInfrastructure;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * What the permission table's order, note and template rows need before a cell can be tried: a shared note
 * of the participant, a template HR defined, and a request body; and, for lists, whether the object is listed.
 *
 * @param id the note or template the row acts on (null for rows on the meeting itself)
 */
record NotesAndTemplatesFixture(String path, Object body, String id) {

    static NotesAndTemplatesFixture prepare(String rulePath, String path, String organisation, UUID participant,
            UUID meeting) {
        String id = null;
        Object body = null;
        String participantToken = personToken(organisation, participant);
        if (rulePath.contains("{note}") || rulePath.endsWith("/notes")) {
            id = RestAssured.given().auth().oauth2(participantToken).contentType("application/json")
                    .body(Map.of("visibility", "SHARED", "text", "Permission table note"))
                    .post("/meetings/{id}/notes", meeting).then().statusCode(201).extract().path("id");
            path = path.replace("{note}", id);
        }
        if (rulePath.contains("{template}") || rulePath.equals("/templates")) {
            String hr = SuiteInfrastructure.signingKey().mint(organisation, "hr-" + organisation, List.of("hr"),
                    Duration.ofMinutes(5));
            id = RestAssured.given().auth().oauth2(hr).contentType("application/json").body(template())
                    .post("/templates").then().statusCode(201).extract().path("id");
            path = path.replace("{template}", id);
        }
        if (rulePath.endsWith("/topics/order")) {
            List<String> topics = new ArrayList<>(RestAssured.given().auth().oauth2(participantToken)
                    .get("/meetings/{id}/agenda", meeting).then().statusCode(200).extract().<List<String>>path("topics.id"));
            if (topics.isEmpty()) {
                topics.add(RestAssured.given().auth().oauth2(participantToken).contentType("application/json")
                        .body(Map.of("title", "Permission table topic", "kind", "PLANNING"))
                        .post("/meetings/{id}/topics", meeting).then().statusCode(201).extract().<String>path("id"));
            }
            Collections.reverse(topics);
            body = Map.of("topicIds", topics);
        } else if (rulePath.endsWith("/notes")) {
            body = Map.of("visibility", "SHARED", "text", "Written in the permission table test");
        } else if (rulePath.startsWith("/notes/{note}") && !rulePath.endsWith("/revisions")) {
            body = Map.of("text", "Edited in the permission table test");
        } else if (rulePath.startsWith("/templates")) {
            body = template();
        }
        return new NotesAndTemplatesFixture(path, body, id);
    }

    /** For list rows: whether the fixture's note or template is among the items answered. */
    boolean listedIn(Response response) {
        List<String> ids = response.jsonPath().getList("items.id");
        return ids != null && ids.contains(id);
    }

    private static Map<String, Object> template() {
        return Map.of("name", "Permission table template", "questions",
                List.of(Map.of("text", "How are things going?", "kind", "WELLBEING")));
    }
}
