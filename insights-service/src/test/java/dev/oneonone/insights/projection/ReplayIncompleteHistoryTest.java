package dev.oneonone.insights.projection;

import static dev.oneonone.insights.MeetingsEventsFeed.envelope;
import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static dev.oneonone.insights.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Issue 13, case 3: once the first records of a partition are gone (retention, here deleteRecords through the
 * AdminClient), a replay would silently lose history; it is refused with 409 {@code history-incomplete} naming the
 * partition, and the projections are left as they are. Runs under a profile of its own, so it gets a broker of its
 * own and the other tests' topics keep their history.
 */
@QuarkusTest
@TestProfile(ReplayIncompleteHistoryTest.OwnBroker.class)
class ReplayIncompleteHistoryTest {

    /** A profile of its own: Quarkus starts the test resources afresh for it. */
    public static class OwnBroker implements QuarkusTestProfile {
    }

    @Test
    void a_replay_of_a_log_whose_first_records_are_gone_is_refused() throws Exception {
        String org = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 6; i++) {
            EventEnvelope started = envelope(org, 1, seriesStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
            publish(started);
        }
        String token = integrationToken(org);
        String bootstrap = SuiteInfrastructure.kafka().bootstrapServers();

        Map<TopicPartition, Long> ends;
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEETINGS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            ends = consumer.endOffsets(partitions);
        }
        // retention as it would act: the first record of every partition that has one is deleted
        Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
        ends.forEach((partition, end) -> {
            if (end > 0) {
                deletions.put(partition, RecordsToDelete.beforeOffset(1));
            }
        });
        assertFalse(deletions.isEmpty());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteRecords(deletions).all().get();
        }
        String partition = deletions.keySet().iterator().next().toString();

        given().auth().oauth2(token).post("/admin/projections/replay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/history-incomplete"))
                .body("errors.field", hasItem(partition))
                .body("errors.message", hasItem(startsWith("starts at offset 1")));
        // nothing started: the projections stay as they are
        given().auth().oauth2(token).get("/admin/projections/replay").then().statusCode(200)
                .body("state", equalTo("IDLE"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("projection_replay_state{state=\"IDLE\"} 1.0"))
                .body(containsString("projection_replay_progress_ratio"));
    }
}
