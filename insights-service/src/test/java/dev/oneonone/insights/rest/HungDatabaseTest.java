package dev.oneonone.insights.rest;

import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.kit.problem.DatabaseOutage;
import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * A PostgreSQL that does not answer (frozen with SIGSTOP) under insights-service, which reads through the Vert.x
 * pool's transactions rather than Hibernate Reactive: a read answers 503 with Retry-After within a bound (it answered
 * 500 "Timeout waiting for connection" before), readiness turns DOWN, and both recover after SIGCONT.
 */
@QuarkusTest
class HungDatabaseTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final RestAssuredConfig CLIENT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));

    @Test
    void a_frozen_database_is_answered_503_within_seconds_and_the_service_recovers() throws Exception {
        UUID series = UUID.randomUUID();
        String token = integrationToken("hung-db-org");
        given().config(CLIENT).auth().oauth2(token).get("/series/{id}", series).then().statusCode(404);
        LocalPostgres postgres = SuiteInfrastructure.postgres();
        postgres.freeze();
        try {
            Instant start = Instant.now();
            Response read = given().config(CLIENT).auth().oauth2(token).get("/series/{id}", series);
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(BOUND) < 0, "answered within " + BOUND + ", took " + took);
            read.then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body("type", containsString("service-unavailable"));
            start = Instant.now();
            given().config(CLIENT).get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(BOUND) < 0, "readiness answered within " + BOUND + ", took " + took);
        } finally {
            postgres.thaw();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().config(CLIENT).get("/q/health/ready").statusCode() == 200);
        given().config(CLIENT).auth().oauth2(token).get("/series/{id}", series).then().statusCode(404);
    }
}
