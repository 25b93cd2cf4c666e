package dev.oneonone.agenda;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.agenda.application.retention.ContentExpiry;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesEndReason;
import dev.oneonone.kit.privacy.StoredText;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Retention of 1:1 content (issue 18 part 3): once an organisation's period has passed since a series ended, the
 * sweep deletes the series' topics, notes and agreements' wording from every table and every API answer, while
 * statuses and counts stay, and publishes one SeriesContentExpired without content.
 */
@QuarkusTest
class ContentRetentionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ContentExpiry expiry;

    @Inject
    DataSource dataSource;

    /** A series with a topic, a shared note edited once, a private note and two agreements, all holding a secret. */
    private record Written(UUID series, UUID meeting, UUID leader, UUID companion, String sharedNote, String privateNote,
            List<String> agreements, String secret) {
    }

    @Test
    void expired_content_is_gone_from_every_table_and_api_while_statuses_and_counts_stay() throws Exception {
        String org = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        Written old = write(org);
        Written recent = write(org);
        String before = given().auth().oauth2(personToken(org, old.companion())).get("/meetings/{id}/agenda", old.meeting())
                .then().statusCode(200).extract().asString();
        publish(envelope(org, 3, new SeriesEnded(old.series(), SeriesEndReason.ENDED_BY_PARTICIPANT, null),
                        now.minus(31, ChronoUnit.DAYS)),
                envelope(org, 3, new SeriesEnded(recent.series(), SeriesEndReason.ENDED_BY_PARTICIPANT, null),
                        now.minus(29, ChronoUnit.DAYS)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> endedAt(recent.series()) != null
                && endedAt(old.series()) != null);

        String hr = SuiteInfrastructure.signingKey().mint(org, "hr-1", List.of("hr"), Duration.ofMinutes(5));
        assertNull(given().auth().oauth2(hr).get("/organisation/retention").then().statusCode(200)
                .extract().path("contentRetentionDays"), "kept as long as the series until set");
        expiry.sweep(now.plusSeconds(60));
        assertTrue(containsSecret(old.secret()) > 0, "nothing is deleted without a retention period");

        given().auth().oauth2(hr).contentType("application/json").body(Map.of("contentRetentionDays", 30))
                .put("/organisation/retention").then().statusCode(200).body("contentRetentionDays", is(30));
        assertTrue(expiry.sweep(now.plusSeconds(60)) >= 1);
        assertNotNull(contentExpiredAt(old.series()));
        assertNull(contentExpiredAt(recent.series()), "ended 29 days ago: kept for one more day");

        // every text column of every table: the old series' secret is nowhere, the recent one's still there
        assertEquals(0, containsSecret(old.secret()), "expired content left in a table");
        assertTrue(containsSecret(recent.secret()) > 0);

        // every API answers it as deleted, with the same statuses and counts
        String companion = personToken(org, old.companion());
        String leader = personToken(org, old.leader());
        String after = given().auth().oauth2(companion).get("/meetings/{id}/agenda", old.meeting())
                .then().statusCode(200).extract().asString();
        assertFalse(after.contains(old.secret()));
        JsonPath agenda = JsonPath.from(after);
        assertEquals(JsonPath.from(before).getList("topics.id"), agenda.getList("topics.id"));
        assertEquals(JsonPath.from(before).getList("topics.discussed"), agenda.getList("topics.discussed"));
        assertEquals(List.of(true), agenda.getList("topics.contentDeleted"));
        assertEquals(java.util.Collections.singletonList(null), agenda.getList("topics.title"));
        assertEquals(JsonPath.from(before).getList("agreementsMade.id"), agenda.getList("agreementsMade.id"));

        JsonPath notes = given().auth().oauth2(leader).get("/meetings/{id}/notes", old.meeting()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(old.sharedNote()), notes.getList("items.id"), "the private note is gone, the shared one stays");
        assertEquals(java.util.Collections.singletonList(null), notes.getList("items.text"));
        assertEquals(List.of(true), notes.getList("items.contentDeleted"));
        assertEquals(List.of(2), notes.getList("items.revision"));
        JsonPath revisions = given().auth().oauth2(companion).get("/notes/{id}/revisions", old.sharedNote())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Arrays.asList(null, null), revisions.getList("items.text"));
        given().auth().oauth2(leader).get("/notes/{id}", old.privateNote()).then().statusCode(404);
        given().auth().oauth2(companion).contentType("application/json").body(Map.of("text", "Written again"))
                .put("/notes/{id}", old.sharedNote()).then().statusCode(409)
                .body("type", endsWith("/content-deleted"));

        JsonPath agreements = given().auth().oauth2(leader).get("/series/{id}/agreements?status=all", old.series())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Set.copyOf(old.agreements()), Set.copyOf(agreements.getList("items.id")));
        assertEquals(Set.of("OPEN", "COMPLETED"), Set.copyOf(agreements.getList("items.status")));
        assertEquals(java.util.Arrays.asList(null, null), agreements.getList("items.wording"));
        assertEquals(List.of(true, true), agreements.getList("items.contentDeleted"));
        String one = given().auth().oauth2(leader).get("/agreements/{id}", old.agreements().get(0)).then().statusCode(200)
                .extract().asString();
        assertFalse(one.contains(old.secret()));
        String export = given().auth().oauth2(leader).get("/exports/{id}", old.leader()).then().statusCode(200)
                .extract().asString();
        assertFalse(export.contains(old.secret()), "the export holds nothing of the expired series");
        assertTrue(given().auth().oauth2(personToken(org, recent.leader())).get("/exports/{id}", recent.leader())
                .then().statusCode(200).extract().asString().contains(recent.secret()), "the recent series is exported whole");

        // one SeriesContentExpired per series, keeping the AsyncAPI document, and without content
        List<ConsumerRecord<String, String>> records = PublishedAgendaEventsTest.everyRecord(
                Set.of(old.series().toString()), 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> expired = records.stream()
                .filter(r -> old.series().toString().equals(r.key())).toList();
        assertEquals(1, expired.size());
        EventEnvelope event = PublishedAgendaEventsTest.published(expired.get(0));
        assertEquals("oneonone.agenda.SeriesContentExpired", event.type());
        assertEquals("series-content", event.aggregateType());
        assertEquals(org, event.organisationId());
        JsonNode payload = JSON.readTree(event.data());
        assertEquals(old.series().toString(), payload.path("seriesId").asText());
        assertEquals(30, payload.path("contentRetentionDays").asInt());
        assertEquals(LocalDate.ofInstant(now.minus(31, ChronoUnit.DAYS), ZoneOffset.UTC).toString(),
                payload.path("endedOn").asText());
        assertTrue(records.stream().noneMatch(r -> r.key() != null && r.key().equals(recent.series().toString())));
        assertTrue(records.stream().noneMatch(r -> String.valueOf(r.value()).contains(old.secret())));

        // a second round finds nothing more of this series: no second event
        expiry.sweep(now.plusSeconds(120));
        assertEquals(1, PublishedAgendaEventsTest.everyRecord(Set.of(old.series().toString()), 1, Duration.ofSeconds(10))
                .stream().filter(r -> old.series().toString().equals(r.key())).count());
    }

    @Test
    void the_retention_period_is_set_by_hr_and_the_integration_and_refused_field_by_field() {
        String org = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        String integration = SuiteInfrastructure.signingKey().mint(org, "hris", List.of("integration"),
                Duration.ofMinutes(5));
        given().auth().oauth2(integration).contentType("application/json").body("{\"contentRetentionDays\": 400}")
                .put("/organisation/retention").then().statusCode(200);
        for (String bad : List.of("{\"contentRetentionDays\": 0}", "{\"contentRetentionDays\": 36501}",
                "{\"contentRetentionDays\": \"a year\"}", "{\"contentRetentionDays\": 1.5}")) {
            given().auth().oauth2(integration).contentType("application/json").body(bad).put("/organisation/retention")
                    .then().statusCode(400).body("errors[0].field", is("contentRetentionDays"));
        }
        given().auth().oauth2(integration).contentType("application/json").body("{\"keepFor\": 3}")
                .put("/organisation/retention").then().statusCode(400);
        // every unknown field is named, not only the first
        given().auth().oauth2(integration).contentType("application/json")
                .body("{\"foo\": 1, \"bar\": 2, \"contentRetentionDays\": 0}").put("/organisation/retention").then()
                .statusCode(400).body("errors.field", hasItems("foo", "bar"));
        // another media type: 415 saying in our words what is read
        given().auth().oauth2(integration).contentType("text/plain").body("365").put("/organisation/retention").then()
                .statusCode(415).contentType("application/problem+json").body("detail", containsString("application/json"))
                .body("detail", not(containsString("@Consumes")));
        // an Accept that allows no answer of the operation: 406 saying what the suite answers
        given().auth().oauth2(integration).accept("text/csv").get("/organisation/retention").then()
                .statusCode(406).body("type", endsWith("/not-acceptable")).body("detail", containsString("text/csv"))
                .body("detail", containsString("application/json"));
        given().auth().oauth2(integration).get("/organisation/retention").then().statusCode(200)
                .body("contentRetentionDays", is(400));
        // the same again answers the same; null keeps content again
        given().auth().oauth2(integration).contentType("application/json").body("{\"contentRetentionDays\": null}")
                .put("/organisation/retention").then().statusCode(200)
                .body("contentRetentionDays", nullValue());
        given().auth().oauth2(integration).contentType("application/json").body("{\"contentRetentionDays\": null}")
                .put("/organisation/retention").then().statusCode(200)
                .body("contentRetentionDays", nullValue());
        // another organisation's setting is its own
        String other = SuiteInfrastructure.signingKey().mint("other-" + org, "hris", List.of("integration"),
                Duration.ofMinutes(5));
        String unset = given().auth().oauth2(other).get("/organisation/retention").then().statusCode(200)
                .extract().asString();
        // written, not left out: {"contentRetentionDays":null,"changedAt":null}
        assertTrue(unset.contains("\"contentRetentionDays\":null") && unset.contains("\"changedAt\":null"), unset);
    }

    private Written write(String org) throws Exception {
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        publish(envelope(org, 1, seriesStarted(series, leader, companion)),
                envelope(org, 2, meetingScheduled(series, meeting, Instant.now().plus(2, ChronoUnit.DAYS), false)));
        String companionToken = personToken(org, companion);
        String leaderToken = personToken(org, leader);
        awaitAgenda(companionToken, meeting);
        String topic = given().auth().oauth2(companionToken).contentType("application/json")
                .body(Map.of("title", "Topic " + secret, "details", "Details " + secret, "kind", "CAREER",
                        "askOtherSideToPrepare", false))
                .post("/meetings/{id}/topics", meeting).then().statusCode(201).extract().path("id");
        given().auth().oauth2(leaderToken).post("/meetings/{m}/topics/{t}/discussed", meeting, topic).then().statusCode(200);
        String shared = given().auth().oauth2(companionToken).header("Idempotency-Key", "note-" + secret)
                .contentType("application/json").body(Map.of("visibility", "SHARED", "text", "Shared " + secret))
                .post("/meetings/{id}/notes", meeting).then().statusCode(201).extract().path("id");
        given().auth().oauth2(leaderToken).contentType("application/json").body(Map.of("text", "Edited " + secret))
                .put("/notes/{id}", shared).then().statusCode(200);
        String own = given().auth().oauth2(leaderToken).contentType("application/json")
                .body(Map.of("visibility", "PRIVATE", "text", "Private " + secret))
                .post("/meetings/{id}/notes", meeting).then().statusCode(201).extract().path("id");
        List<String> agreements = new ArrayList<>();
        for (UUID owner : List.of(leader, companion)) {
            agreements.add(given().auth().oauth2(leaderToken).header("Idempotency-Key", "agreement-" + owner)
                    .contentType("application/json").body(Map.of("wording", "Promise " + secret, "ownerId", owner.toString()))
                    .post("/meetings/{id}/agreements", meeting).then().statusCode(201).extract().path("id"));
        }
        given().auth().oauth2(companionToken).post("/agreements/{id}/completion", agreements.get(1)).then().statusCode(200);
        return new Written(series, meeting, leader, companion, shared, own, agreements, secret);
    }

    /** How many values of any text column of any table of the service hold {@code secret}. */
    private long containsSecret(String secret) throws SQLException {
        return StoredText.occurrences(dataSource, secret);
    }

    private Instant endedAt(UUID series) throws SQLException {
        return instantOf("select ended_at from known_series where series_id = ?", series);
    }

    private Instant contentExpiredAt(UUID series) throws SQLException {
        return instantOf("select content_expired_at from known_series where series_id = ?", series);
    }

    private Instant instantOf(String sql, UUID series) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, series);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                java.sql.Timestamp value = rows.getTimestamp(1);
                return value == null ? null : value.toInstant();
            }
        }
    }
}
