package dev.oneonone.meetings.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.kit.messaging.ConsumerProgress;
import dev.oneonone.meetings.application.webhooks.WebhookDeliveries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The source of webhook deliveries: reads the suite's three topics (meetings', agenda's and insights' events, the
 * public contract) with a consumer group of its own ({@code meetings-webhooks}) and records, for each event, a
 * delivery to every endpoint of its organisation that subscribes to it, before the record counts as consumed: an
 * event is never lost between Kafka and the endpoints, and one partition's order (each aggregate's) is the order
 * of the rows. A failure (PostgreSQL away) is retried until it is recorded ({@link ConsumerProgress}).
 */
@ApplicationScoped
public class WebhookSource {
    private final WebhookDeliveries deliveries;
    private final ConsumerProgress progress;

    public WebhookSource(WebhookDeliveries deliveries, ConsumerProgress progress) {
        this.deliveries = deliveries;
        this.progress = progress;
    }

    @Incoming("webhooks-meetings")
    public Uni<Void> meetings(ConsumerRecord<String, String> record) {
        return consume("webhooks-meetings", record);
    }

    @Incoming("webhooks-agenda")
    public Uni<Void> agenda(ConsumerRecord<String, String> record) {
        return consume("webhooks-agenda", record);
    }

    @Incoming("webhooks-insights")
    public Uni<Void> insights(ConsumerRecord<String, String> record) {
        return consume("webhooks-insights", record);
    }

    private Uni<Void> consume(String channel, ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers(), record.value());
        return progress.applyUntilDone(channel, envelope.recordedAt(),
                () -> deliveries.enqueue(envelope).replaceWithVoid());
    }
}
