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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.application.templates.BuiltInTemplate;
import dev.oneonone.agenda.application.templates.TemplateQuestion;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TemplatesResourceTest {
    private static String token(String organisation, String role) {
        return SuiteInfrastructure.signingKey().mint(organisation, role + "-" + UUID.randomUUID(), List.of(role),
                Duration.ofMinutes(10));
    }

    private static Map<String, Object> template(String name, boolean firstMeeting, String... questions) {
        return Map.of("name", name, "firstMeeting", firstMeeting, "questions", java.util.Arrays.stream(questions)
                .map(text -> Map.of("text", text, "kind", "PLANNING", "askOtherSideToPrepare", true)).toList());
    }

    private static ValidatableResponse create(String organisation, String role, Map<String, Object> body) {
        return given().auth().oauth2(token(organisation, role)).contentType("application/json").body(body)
                .post("/templates").then();
    }

    private static String organisation() {
        return "tpl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UUID[] aSeriesWithItsFirstMeeting(String organisation, UUID meeting, Instant at) throws Exception {
        UUID series = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, leader, companion)),
                envelope(organisation, 2, meetingScheduled(series, meeting, at, true)));
        awaitAgenda(personToken(organisation, companion), meeting);
        return new UUID[] { leader, companion, series };
    }

    @Test
    void the_first_meeting_of_a_series_starts_from_the_built_in_template() throws Exception {
        String organisation = organisation();
        UUID meeting = UUID.randomUUID();
        UUID[] people = aSeriesWithItsFirstMeeting(organisation, meeting, Instant.now().plus(3, ChronoUnit.DAYS));

        List<String> questions = BuiltInTemplate.FIRST_MEETING.questions().stream().map(TemplateQuestion::text).toList();
        given().auth().oauth2(personToken(organisation, people[1])).get("/meetings/{id}/agenda", meeting).then()
                .statusCode(200)
                .body("topics.title", contains(questions.toArray()))
                .body("topics.authorRole", everyItem(equalTo("LEADER")))
                .body("topics.kind", hasItem("PLANNING"))
                .header("ETag", equalTo("\"" + (questions.size() + 1) + "\""));

        // a later meeting of the series starts empty
        UUID second = UUID.randomUUID();
        publish(envelope(organisation, 3, meetingScheduled(people[2], second, Instant.now().plus(10, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(organisation, people[0]), second).body("topics", hasSize(0));
    }

    @Test
    void an_organisations_first_meeting_template_replaces_the_built_in_one_for_its_new_series() throws Exception {
        String organisation = organisation();
        create(organisation, "hr", template("Old first meeting", true, "Old question?")).statusCode(201);
        String ours = create(organisation, "integration", template("Our first 1:1", true,
                "What should stay between us?", "How do you like feedback?")).statusCode(201)
                .body("firstMeeting", equalTo(true)).body("builtIn", equalTo(false)).extract().path("id");
        given().auth().oauth2(token(organisation, "person")).get("/templates/first-meeting").then().statusCode(200)
                .body("id", equalTo(ours));

        UUID meeting = UUID.randomUUID();
        UUID[] people = aSeriesWithItsFirstMeeting(organisation, meeting, Instant.now().plus(3, ChronoUnit.DAYS));

        given().auth().oauth2(personToken(organisation, people[0])).get("/meetings/{id}/agenda", meeting).then()
                .body("topics.title", contains("What should stay between us?", "How do you like feedback?"));
        // another organisation still gets the built-in one
        given().auth().oauth2(token(organisation(), "hr")).get("/templates/first-meeting").then()
                .body("id", equalTo(BuiltInTemplate.ID.toString())).body("builtIn", equalTo(true));
    }

    @Test
    void hr_and_the_integration_manage_templates_and_people_read_them() throws Exception {
        String organisation = organisation();
        String id = create(organisation, "hr", template("Career check-in", false, "Where do you want to be in a year?"))
                .statusCode(201).header("ETag", equalTo("\"1\"")).extract().path("id");

        given().auth().oauth2(token(organisation, "person")).get("/templates/{id}", id).then().statusCode(200)
                .body("name", equalTo("Career check-in")).body("questions.text", contains("Where do you want to be in a year?"));
        given().auth().oauth2(token(organisation, "person")).get("/templates").then().statusCode(200)
                .body("items.id", contains(id)).body("next", nullValue());
        given().auth().oauth2(token(organisation, "director")).get("/templates").then().statusCode(403);
        create(organisation, "person", template("Mine", false, "Q?")).statusCode(403);
        given().auth().oauth2(token(organisation(), "hr")).get("/templates/{id}", id).then().statusCode(404);

        String hr = token(organisation, "hr");
        given().auth().oauth2(hr).contentType("application/json").header("If-Match", "\"1\"")
                .body(template("Career check-in v2", false, "Where next?", "What would help?"))
                .put("/templates/{id}", id).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2)).body("questions", hasSize(2));
        given().auth().oauth2(hr).contentType("application/json").header("If-Match", "\"1\"")
                .body(template("Stale", false, "Q?")).put("/templates/{id}", id).then().statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/template-changed"));
        given().auth().oauth2(hr).contentType("application/json").body(template("Built in", false, "Q?"))
                .put("/templates/{id}", BuiltInTemplate.ID).then().statusCode(409)
                .body("type", equalTo("https://oneonone.dev/problems/built-in-template"));
        given().auth().oauth2(hr).delete("/templates/{id}", id).then().statusCode(204);
        given().auth().oauth2(hr).get("/templates/{id}", id).then().statusCode(404);
    }

    @Test
    void invalid_templates_and_page_sizes_are_refused_field_by_field() {
        String organisation = organisation();
        create(organisation, "hr", Map.of("name", "", "questions", List.of(Map.of("text", "x".repeat(201)),
                Map.of("kind", "CAREER")))).statusCode(400)
                .body("errors.field", contains("name", "questions[0].kind", "questions[0].text", "questions[1].text"));
        create(organisation, "hr", Map.of("name", "No questions", "questions", List.of())).statusCode(400)
                .body("errors.field", contains("questions"));
        given().auth().oauth2(token(organisation, "hr")).get("/templates?limit=101").then().statusCode(400)
                .body("errors.field", contains("limit"));
        // a limit that is not a whole number is 400 naming it, on every list of the service (not JAX-RS's 404)
        for (String bad : List.of("/templates?limit=abc", "/templates?limit=1.5", "/notes/" + UUID.randomUUID() + "/revisions?limit=x",
                "/series/" + UUID.randomUUID() + "/agreements?limit=ten", "/meetings/" + UUID.randomUUID() + "/notes?limit=2e1")) {
            String caller = bad.startsWith("/templates") ? token(organisation, "hr") : personToken(organisation, UUID.randomUUID());
            given().auth().oauth2(caller).urlEncodingEnabled(false).get(bad).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://oneonone.dev/problems/invalid-input"))
                    .body("errors.field", contains("limit"))
                    .body("errors[0].reason", equalTo("not-a-whole-number"));
        }

        for (int i = 0; i < 3; i++) {
            create(organisation, "hr", template("T" + i, false, "Q" + i + "?")).statusCode(201);
        }
        String next = given().auth().oauth2(token(organisation, "hr")).get("/templates?limit=2").then()
                .body("items.name", contains("T0", "T1")).extract().path("next");
        given().auth().oauth2(token(organisation, "hr")).get("/templates?limit=2&after=" + next).then()
                .body("items.name", contains("T2")).body("next", nullValue());
    }

    @Test
    void a_participant_applies_a_template_once_per_meeting() throws Exception {
        String organisation = organisation();
        String template = create(organisation, "hr", template("Quarterly look back", false,
                "What went well this quarter?", "What should we change?")).statusCode(201).extract().path("id");
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, leader, companion)),
                envelope(organisation, 2, meetingScheduled(series, meeting, Instant.now().plus(2, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(organisation, companion), meeting);

        List<String> topics = given().auth().oauth2(personToken(organisation, companion))
                .post("/meetings/{m}/templates/{t}/application", meeting, template).then().statusCode(201)
                .header("ETag", equalTo("\"3\""))
                .body("templateId", equalTo(template))
                .body("topics.title", contains("What went well this quarter?", "What should we change?"))
                .body("topics.authorRole", everyItem(equalTo("LEADER")))
                .extract().path("topics.id");

        // again, by either side: nothing added, the same topics answered
        given().auth().oauth2(personToken(organisation, leader))
                .post("/meetings/{m}/templates/{t}/application", meeting, template).then().statusCode(200)
                .body("topics.id", equalTo(topics));
        given().auth().oauth2(personToken(organisation, leader)).get("/meetings/{id}/agenda", meeting).then()
                .body("topics", hasSize(2)).header("ETag", equalTo("\"3\""));

        // the built-in template can be applied explicitly too; a template of another organisation cannot
        given().auth().oauth2(personToken(organisation, leader))
                .post("/meetings/{m}/templates/{t}/application", meeting, BuiltInTemplate.ID).then().statusCode(201)
                .body("builtIn", equalTo(true));
        String foreign = create(organisation(), "hr", template("Elsewhere", false, "Q?")).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(personToken(organisation, leader))
                .post("/meetings/{m}/templates/{t}/application", meeting, foreign).then().statusCode(404);
        given().auth().oauth2(token(organisation, "hr"))
                .post("/meetings/{m}/templates/{t}/application", meeting, template).then().statusCode(403);
    }

    @Test
    void no_template_on_a_first_meeting_that_already_took_place() throws Exception {
        String organisation = organisation();
        UUID meeting = UUID.randomUUID();
        UUID[] people = aSeriesWithItsFirstMeeting(organisation, meeting, Instant.now().minus(2, ChronoUnit.DAYS));

        given().auth().oauth2(personToken(organisation, people[1])).get("/meetings/{id}/agenda", meeting).then()
                .body("topics", hasSize(0));
    }
}
