package dev.oneonone.kit.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Adds {@link OpenApiResponses} to RestAssured's global filters before each test of every {@code @QuarkusTest}, once:
 * a service-loader entry of the kit's test-jar ({@code META-INF/services}), so no test class registers it.
 */
public class OpenApiResponsesCallback implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(OpenApiResponses.class::isInstance)) {
            RestAssured.filters(new OpenApiResponses());
        }
    }
}
