package dev.oneonone.kit.messaging;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumers' wellness ({@code /q/health/well}, check {@code consumers}): DOWN while a consumer retries an
 * event it could not apply (it is behind, not dead: it goes on by itself), with, per consumer, since when, how
 * many attempts and the last error. Neither liveness nor readiness: a service whose consumer waits for
 * PostgreSQL still answers its API, and restarting it would not help.
 */
@Wellness
@ApplicationScoped
public class ConsumersHealth implements HealthCheck {
    private final ConsumerProgress progress;

    public ConsumersHealth(ConsumerProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").up();
        for (Map.Entry<String, ConsumerProgress.State> entry : new TreeMap<>(progress.consumers()).entrySet()) {
            String name = entry.getKey();
            ConsumerProgress.State state = entry.getValue();
            if (state.retryingSince() != null) {
                response.down()
                        .withData(name + ".retrying-since", state.retryingSince().toString())
                        .withData(name + ".attempts", state.attempts())
                        .withData(name + ".last-error", String.valueOf(state.lastError()));
            }
            if (state.lastAppliedRecordedAt() != null) {
                response.withData(name + ".last-applied-recorded-at", state.lastAppliedRecordedAt().toString());
            }
        }
        return response.build();
    }
}
