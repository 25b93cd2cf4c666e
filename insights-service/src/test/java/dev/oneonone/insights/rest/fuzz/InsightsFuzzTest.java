package dev.oneonone.insights.rest.fuzz;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.oneonone.kit.fuzz.FuzzOperation;
import dev.oneonone.kit.fuzz.FuzzSuite;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * insights-service's one write operation, the projection replay, driven with malformed requests (the kit's
 * {@link FuzzSuite}): it takes no body, so what can be wrong is the token, the headers and the URL; each must be
 * answered 4xx with a problem document and store no event. {@code -Dfuzz.requests=5000} runs it longer.
 */
@QuarkusTest
class InsightsFuzzTest {
    private static final String ORG = "fuzz";

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @TestFactory
    Stream<DynamicTest> every_write_operation_refuses_malformed_input_and_stores_nothing() throws Exception {
        String integration = SuiteInfrastructure.signingKey().mint(ORG, "integration-" + ORG, List.of("integration"),
                Duration.ofMinutes(10));
        return new FuzzSuite(base.toURI(), this::lastStoredPosition).tests(List.of(
                FuzzOperation.of("POST", "/admin/projections/replay", integration, null)
                        .named("POST /admin/projections/replay")));
    }

    /** The last event insights stored (SeriesHealthChanged); what it observes from Kafka is not a write of its API. */
    private long lastStoredPosition() {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select coalesce(max(position), 0) from event")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
