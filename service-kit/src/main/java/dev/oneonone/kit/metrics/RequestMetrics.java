package dev.oneonone.kit.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Request latency as a histogram: {@code http_server_requests_seconds_bucket} with Micrometer's percentile
 * buckets from 5 ms to 30 s, so an operator can compute any percentile ({@code histogram_quantile}) across
 * instances, which a summary cannot. Labels stay bounded: only templated paths are used as {@code uri}
 * (a request refused before it matched an endpoint is not recorded under its raw path: the kit's
 * {@code META-INF/microprofile-config.properties} sets
 * {@code quarkus.micrometer.binder.http-server.suppress4xx-errors}; an unknown path is {@code NOT_FOUND}).
 */
public class RequestMetrics {
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
