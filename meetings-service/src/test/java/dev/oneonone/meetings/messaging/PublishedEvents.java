package dev.oneonone.meetings.messaging;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.events.schema.RecordContract;
import dev.oneonone.local.SuiteInfrastructure;

/**
 * Reads what really reached Kafka, from the beginning of the topic, as another tool would, and checks every record
 * it reads against the AsyncAPI document the service serves ({@link RecordContract}).
 */
public final class PublishedEvents {
    private PublishedEvents() {
    }

    /**
     * All events of one aggregate (series or person) found on the topic within the wait, in the order Kafka holds them.
     *
     * @throws AssertionError when a record read on the way breaks the served AsyncAPI document
     */
    public static List<ConsumerRecord<String, String>> ofAggregate(UUID aggregateId, int expected, Duration wait) {
        Map<String, Object> config = fromTheBeginning();
        RecordContract contract = servedContract();
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.MEETINGS));
            // keep reading a little after the expected count, so that duplicates would show
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    contract.check(record);
                    if (record.key().equals(aggregateId.toString())) {
                        found.add(record);
                    }
                }
                if (found.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return found;
    }

    /**
     * Every record value on the topic, from the beginning, that contains the text; reads until the topic has been quiet
     * for a second and a half (at most 20 s).
     *
     * @throws AssertionError when the topic could not be read at all
     */
    public static List<String> valuesContaining(String text) {
        List<String> found = new ArrayList<>();
        int read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(fromTheBeginning())) {
            consumer.subscribe(List.of(Topics.MEETINGS));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int quiet = 0;
            while (System.nanoTime() < deadline && (read == 0 || quiet < 3)) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    read++;
                    if (record.value() != null && record.value().contains(text)) {
                        found.add(record.value());
                    }
                }
            }
        }
        if (read == 0) {
            throw new AssertionError("no record read from " + Topics.MEETINGS);
        }
        return found;
    }

    private static Map<String, Object> fromTheBeginning() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    /** The contract as {@code GET /asyncapi} serves it. */
    static RecordContract servedContract() {
        return new RecordContract(given().get("/asyncapi").then().statusCode(200).extract().asString());
    }

    public static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.read(record.headers(), record.value());
    }
}
