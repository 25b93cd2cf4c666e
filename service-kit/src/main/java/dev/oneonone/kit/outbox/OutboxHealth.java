package dev.oneonone.kit.outbox;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox's wellness ({@code /q/health/well}, check {@code outbox}): DOWN when the oldest unpublished event
 * has waited longer than {@code suite.outbox.alert-after} (default 60 s), i.e. Kafka has been away or refusing
 * for that long; data: {@code unpublished}, {@code oldest-unpublished-age-seconds}, {@code measured-at}. Not a
 * readiness check: writes go on into the outbox while Kafka is away, and are published when it returns.
 */
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
    private final OutboxRelay relay;
    private final Duration alertAfter;

    public OutboxHealth(OutboxRelay relay,
            @ConfigProperty(name = "suite.outbox.alert-after", defaultValue = "60s") Duration alertAfter) {
        this.relay = relay;
        this.alertAfter = alertAfter;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog backlog = relay.backlog();
        double age = backlog.oldestAgeSeconds();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
                .status(age <= alertAfter.toSeconds())
                .withData("unpublished", backlog.unpublished())
                .withData("oldest-unpublished-age-seconds", (long) age);
        if (backlog.measuredAt() != null) {
            response.withData("measured-at", backlog.measuredAt().toString());
        }
        return response.build();
    }
}
