package dev.oneonone.meetings.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.openapi.OpenApiResponses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 13, case 6: request metrics are labelled with templated paths only, so a calendar feed's secret, or any
 * other raw path of a refused request, never appears in the open {@code /q/metrics} (nor creates a metric series
 * of its own); request latency is a histogram with buckets, so percentiles can be computed.
 */
@QuarkusTest
class MetricsLabelsTest {

    @Test
    void refused_requests_leave_no_raw_path_in_the_metrics() {
        String secret = "s3cr3t" + UUID.randomUUID().toString().replace("-", "");
        List<Runnable> refused = List.of(
                () -> given().get("/calendar/feeds/{s}.ics", secret).then().statusCode(404),
                () -> outsideTheDocument().get("/calendar/feeds/{s}", secret),
                () -> outsideTheDocument().get("/calendar/feeds/{s}.ics/more", secret),
                () -> outsideTheDocument().post("/calendar/feeds/{s}.ics", secret),
                () -> given().delete("/calendar/feeds/{s}", secret),
                () -> given().get("/series/{s}", secret),
                () -> outsideTheDocument().get("/{s}", secret),
                () -> outsideTheDocument().get("/people/{s}/x/{t}", secret, secret),
                () -> outsideTheDocument().header("Content-Type", "application/json").body("{").post("/people/{s}", secret));
        refused.forEach(Runnable::run);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(secret), () -> "the secret is in /q/metrics:\n" + metrics.lines()
                .filter(line -> line.contains(secret)).toList());
        assertTrue(metrics.contains("uri=\"/calendar/feeds/{secret}.ics\""), "the feed's template is the label");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("le=")), "latency is a histogram with buckets");
    }

    /**
     * A request to a path or method the OpenAPI document does not have, sent on purpose: the kit's response
     * validation (OpenApiResponses) is left out for it alone.
     */
    private static RequestSpecification outsideTheDocument() {
        return given().noFiltersOfType(OpenApiResponses.class);
    }
}
