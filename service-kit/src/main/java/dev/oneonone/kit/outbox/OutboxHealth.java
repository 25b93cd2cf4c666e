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
 * for that long; data: {@code unpublished}, {@code oldest-unpublished-age-seconds}, {@code measured-at}. When the
 * backlog could not be measured (PostgreSQL away: the latest attempt failed, or none succeeded for three
 * {@code suite.outbox.backlog-interval}s) it judges nothing from the old snapshot: DOWN with
 * {@code not-measured-since} (the last successful measurement, or {@code never}) and {@code last-error}. Not a
 * readiness check: writes go on into the outbox while Kafka is away, and are published when it returns.
 */
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
    private final OutboxRelay relay;
    private final Duration alertAfter;
    private final Duration staleAfter;

    public OutboxHealth(OutboxRelay relay,
            @ConfigProperty(name = "suite.outbox.alert-after", defaultValue = "60s") Duration alertAfter,
            @ConfigProperty(name = "suite.outbox.backlog-interval", defaultValue = "5s") Duration backlogInterval) {
        this.relay = relay;
        this.alertAfter = alertAfter;
        this.staleAfter = backlogInterval.multipliedBy(3);
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog backlog = relay.backlog();
        if (backlog.isStale(staleAfter)) {
            return HealthCheckResponse.named("outbox").down()
                    .withData("not-measured-since", backlog.measuredAt() == null ? "never" : backlog.measuredAt().toString())
                    .withData("last-error", String.valueOf(backlog.lastError()))
                    .build();
        }
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
