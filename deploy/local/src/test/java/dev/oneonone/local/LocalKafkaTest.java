package dev.oneonone.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    private static final String TOPIC = "local-kafka-test";

    @Test
    void keepsRecordsAcrossStopAndRestart() throws Exception {
        Path dataDirectory;
        try (LocalKafka kafka = LocalKafka.start(null, 0)) {
            dataDirectory = kafka.dataDirectory();
            produce(kafka.bootstrapServers(), "meeting-1", "scheduled");
            assertEquals(List.of("scheduled"), consumeAll(kafka.bootstrapServers(), 1));

            kafka.stop();
            assertFalse(kafka.isRunning());
            kafka.restart();

            assertTrue(kafka.isRunning());
            assertEquals(List.of("scheduled"), consumeAll(kafka.bootstrapServers(), 1),
                    "the record written before the restart is still there");
            assertTrue(Files.exists(dataDirectory.resolve("broker.log")));
        }
        assertFalse(Files.exists(dataDirectory), "the temporary data directory is deleted on close");
    }

    @Test
    void topicsKeepEveryRecord() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(null, 0)) {
            produce(kafka.bootstrapServers(), "meeting-1", "scheduled");
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
                assertEquals("-1", config.get("retention.ms").value(), "no time limit");
                assertEquals("-1", config.get("retention.bytes").value(), "no size limit");
            }
        }
    }

    private static void produce(String bootstrapServers, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the beginning with a new consumer group until {@code expected} values arrived. */
    private static List<String> consumeAll(String bootstrapServers, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
