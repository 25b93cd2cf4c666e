package dev.oneonone.insights.config;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

import dev.oneonone.events.outbox.OutboxPublisher;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The producer of the outbox relay: idempotent, acks from all replicas, never gives up on its own order.
 * Connection settings (bootstrap servers, security) come from the {@code kafka.*} configuration.
 */
public class KafkaProducerConfig {

    @Produces
    @Singleton
    Producer<String, String> outboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        return new KafkaProducer<>(OutboxPublisher.producerConfig(kafka, "insights-service-outbox"));
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close();
    }
}
