package dev.oneonone.kit.outbox;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The producer of the outbox relay: idempotent, acks from all replicas, never gives up on its own order
 * ({@link OutboxPublisher#producerConfig}). Connection settings (bootstrap servers, security) come from
 * the {@code kafka.*} configuration; its client id is {@code <quarkus.application.name>-outbox}.
 */
public class OutboxProducer {

    @Produces
    @Singleton
    Producer<String, String> outboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        return new KafkaProducer<>(OutboxPublisher.producerConfig(kafka, service + "-outbox"));
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close();
    }
}
