package dev.oneonone.agenda;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.agenda.application.templates.BuiltInTemplate;
import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.events.schema.RecordContract;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

/** What reaches oneonone.agenda.v1, read from the beginning as another tool would. */
@QuarkusTest
class PublishedAgendaEventsTest {
    private static final String ORG = "acme";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void topic_events_reach_kafka_in_order_and_carry_no_free_text() throws Exception {
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, meeting, Instant.now().plus(1, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(ORG, companion), meeting);

        String secret = UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = List.of("Secretly interviewing " + secret, "Details nobody else may read " + secret,
                "Salary is below market " + secret, "Compared with peers at " + secret);
        String first = given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(Map.of("title", texts.get(0), "details", texts.get(1), "kind", "CAREER",
                        "askOtherSideToPrepare", true))
                .post("/meetings/{id}/topics", meeting).then().statusCode(201).extract().path("id");
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("title", texts.get(2), "details", texts.get(3), "kind", "FEEDBACK",
                        "askOtherSideToPrepare", false))
                .post("/meetings/{id}/topics", meeting).then().statusCode(201);
        given().auth().oauth2(personToken(ORG, leader)).post("/meetings/{m}/topics/{t}/discussed", meeting, first)
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> all = everyRecord(Set.of(meeting.toString()), 3, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ours = all.stream()
                .filter(record -> meeting.toString().equals(record.key())).toList();

        assertEquals(List.of("oneonone.agenda.TopicAdded", "oneonone.agenda.TopicAdded",
                "oneonone.agenda.TopicDiscussed"), ours.stream().map(r -> published(r).type()).toList());
        assertEquals(List.of(1L, 2L, 3L), ours.stream().map(r -> published(r).aggregateVersion()).toList());
        EventEnvelope added = published(ours.get(0));
        assertEquals(ORG, added.organisationId());
        assertEquals("agenda", added.aggregateType());
        assertEquals(meeting, added.aggregateId());

        // no title or details anywhere: not in any value, not in any header, of any record on the topic
        for (ConsumerRecord<String, String> record : all) {
            StringBuilder everything = new StringBuilder(String.valueOf(record.value()));
            for (Header header : record.headers()) {
                everything.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
            }
            for (String text : texts) {
                assertFalse(everything.toString().contains(text), "free text on Kafka: " + text);
            }
            assertFalse(everything.toString().contains(secret), "free text on Kafka: " + everything);
        }
    }

    @Test
    void note_order_and_template_events_reach_kafka_without_any_note_or_question_text() throws Exception {
        String organisation = "pub-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = new ArrayList<>(List.of("Question about money " + secret, "Question about health " + secret,
                "Shared note on the reorg " + secret, "Private note on a raise " + secret,
                "Private note edited " + secret));
        BuiltInTemplate.FIRST_MEETING.questions().forEach(question -> texts.add(question.text()));
        String hr = SuiteInfrastructure.signingKey().mint(organisation, "hr-1", List.of("hr"), Duration.ofMinutes(5));
        given().auth().oauth2(hr).contentType("application/json")
                .body(Map.of("name", "First meeting " + secret, "firstMeeting", true, "questions", List.of(
                        Map.of("text", texts.get(0), "kind", "PERSONAL"), Map.of("text", texts.get(1), "kind", "WELLBEING"))))
                .post("/templates").then().statusCode(201);

        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        publish(envelope(organisation, 1, seriesStarted(series, leader, companion)),
                envelope(organisation, 2, meetingScheduled(series, meeting, Instant.now().plus(1, ChronoUnit.DAYS), true)));
        String companionToken = personToken(organisation, companion);
        String leaderToken = personToken(organisation, leader);
        List<String> templateTopics = awaitAgenda(companionToken, meeting).extract().path("topics.id");
        assertEquals(2, templateTopics.size());

        given().auth().oauth2(leaderToken).contentType("application/json")
                .body(Map.of("topicIds", List.of(templateTopics.get(1), templateTopics.get(0))))
                .put("/meetings/{id}/topics/order", meeting).then().statusCode(200);
        given().auth().oauth2(companionToken).contentType("application/json")
                .body(Map.of("visibility", "SHARED", "text", texts.get(2)))
                .post("/meetings/{id}/notes", meeting).then().statusCode(201);
        String note = given().auth().oauth2(leaderToken).contentType("application/json")
                .body(Map.of("visibility", "PRIVATE", "text", texts.get(3)))
                .post("/meetings/{id}/notes", meeting).then().statusCode(201).extract().path("id");
        given().auth().oauth2(leaderToken).contentType("application/json").body(Map.of("text", texts.get(4)))
                .put("/notes/{id}", note).then().statusCode(200);
        given().auth().oauth2(leaderToken).post("/meetings/{m}/templates/{t}/application", meeting, BuiltInTemplate.ID)
                .then().statusCode(201);

        int builtIn = BuiltInTemplate.FIRST_MEETING.questions().size();
        // the private note's write and edit record nothing (issue 14, item 7): one NoteWritten, the shared note's
        int expected = 3 + 1 + 1 + builtIn + 1;
        List<ConsumerRecord<String, String>> all = everyRecord(Set.of(meeting.toString()), expected, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ours = all.stream()
                .filter(record -> meeting.toString().equals(record.key())).toList();

        List<String> types = ours.stream().map(r -> published(r).type().substring("oneonone.agenda.".length())).toList();
        List<String> wanted = new ArrayList<>(List.of("TopicAdded", "TopicAdded", "TemplateApplied", "TopicsReordered",
                "NoteWritten"));
        for (int i = 0; i < builtIn; i++) {
            wanted.add("TopicAdded");
        }
        wanted.add("TemplateApplied");
        assertEquals(wanted, types);
        JsonNode sharedNote = JSON.readTree(ours.get(4).value());
        assertEquals("SHARED", sharedNote.path("visibility").asText());
        assertEquals(1, sharedNote.path("revision").asInt());
        assertFalse(all.stream().anyMatch(record -> record.value().contains("\"PRIVATE\"")),
                "nothing on the org-wide topic reveals a private note");
        assertFalse(all.stream().anyMatch(record -> record.value().contains(note)), "nor names it");
        JsonNode applied = JSON.readTree(ours.get(2).value());
        assertEquals(false, applied.path("builtIn").asBoolean());
        assertEquals(templateTopics, JSON.convertValue(applied.path("topicIds"), List.class));

        for (ConsumerRecord<String, String> record : all) {
            StringBuilder everything = new StringBuilder(String.valueOf(record.value()));
            for (Header header : record.headers()) {
                everything.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
            }
            for (String text : texts) {
                assertFalse(everything.toString().contains(text), "free text on Kafka: " + text);
            }
            assertFalse(everything.toString().contains(secret), "free text on Kafka: " + everything);
        }
    }

    @Test
    void carry_over_and_agreement_events_reach_kafka_match_the_contract_and_carry_no_free_text() throws Exception {
        UUID series = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, first, Instant.now().plus(1, ChronoUnit.DAYS), false)),
                envelope(ORG, 3, meetingScheduled(series, second, Instant.now().plus(8, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(ORG, companion), first);
        awaitAgenda(personToken(ORG, companion), second);

        String secret = UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = List.of("Burnout worries " + secret, "Therapy on Thursdays " + secret,
                "Promise to fix the pay gap " + secret, "Quietly look for a new role " + secret);
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(Map.of("title", texts.get(0), "details", texts.get(1), "kind", "WELLBEING",
                        "askOtherSideToPrepare", false))
                .post("/meetings/{id}/topics", first).then().statusCode(201);
        String kept = given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(Map.of("wording", texts.get(2), "ownerId", leader.toString(), "dueOn", "2026-12-04"))
                .post("/meetings/{id}/agreements", first).then().statusCode(201).extract().path("id");
        String dropped = given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("wording", texts.get(3), "ownerId", companion.toString()))
                .post("/meetings/{id}/agreements", first).then().statusCode(201).extract().path("id");
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("dueOn", "2026-12-11")).put("/agreements/{id}/due-date", kept).then().statusCode(200);
        given().auth().oauth2(personToken(ORG, leader)).post("/agreements/{id}/completion", kept).then().statusCode(200);
        given().auth().oauth2(personToken(ORG, leader)).contentType("application/json")
                .body(Map.of("reason", "OUT_OF_OUR_HANDS")).post("/agreements/{id}/drop", dropped).then().statusCode(200);
        publish(envelope(ORG, 4, new dev.oneonone.events.meetings.MeetingHeld(series, first, Instant.now(), 30,
                dev.oneonone.events.meetings.MeetingMode.REMOTE)));

        Set<String> keys = Set.of(first.toString(), second.toString(), kept, dropped);
        List<ConsumerRecord<String, String>> all = everyRecord(keys, 8, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ours = all.stream().filter(r -> keys.contains(r.key())).toList();

        assertEquals(Set.of("oneonone.agenda.TopicAdded", "oneonone.agenda.TopicCarriedOver",
                "oneonone.agenda.AgendaClosed",
                "oneonone.agenda.AgreementMade", "oneonone.agenda.AgreementDueDateChanged",
                "oneonone.agenda.AgreementCompleted", "oneonone.agenda.AgreementDropped"),
                ours.stream().map(r -> published(r).type()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(8, ours.size());
        EventEnvelope carried = ours.stream().map(PublishedAgendaEventsTest::published)
                .filter(e -> e.type().endsWith("TopicCarriedOver")).findFirst().orElseThrow();
        assertEquals(second, carried.aggregateId());
        assertEquals("agenda", carried.aggregateType());
        EventEnvelope made = ours.stream().map(PublishedAgendaEventsTest::published)
                .filter(e -> e.type().endsWith("AgreementMade") && e.aggregateId().toString().equals(kept))
                .findFirst().orElseThrow();
        assertEquals("agreement", made.aggregateType());
        assertEquals(1L, made.aggregateVersion());
        assertEquals(List.of(1L, 2L, 3L), ours.stream().filter(r -> kept.equals(r.key()))
                .map(r -> published(r).aggregateVersion()).toList());

        for (ConsumerRecord<String, String> record : all) {
            StringBuilder everything = new StringBuilder(String.valueOf(record.value()));
            for (Header header : record.headers()) {
                everything.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertFalse(everything.toString().contains(secret), "free text on Kafka: " + everything);
        }
    }

    static EventEnvelope published(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.read(record.headers(), record.value());
    }

    /**
     * Every record of the agenda topic, from the beginning, once the expected events of these keys arrived; each one
     * checked against the AsyncAPI document the service serves (open, no token).
     */
    static List<ConsumerRecord<String, String>> everyRecord(Set<String> keys, int expected, Duration wait) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        RecordContract contract = new RecordContract(given().get("/asyncapi").then().statusCode(200).extract().asString());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.AGENDA));
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    contract.check(record);
                    found.add(record);
                }
                long ours = found.stream().filter(r -> keys.contains(r.key())).count();
                if (ours >= expected && settleUntil == Long.MAX_VALUE) {
                    // keep reading a little, so that duplicates would show
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return found;
    }
}
