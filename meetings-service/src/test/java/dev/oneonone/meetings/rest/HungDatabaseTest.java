package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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
 * A PostgreSQL that does not answer (its processes frozen with SIGSTOP, as a dead network or a frozen machine
 * would leave it: connections stay open, nothing replies). A read and a write get 503 {@code service-unavailable}
 * with Retry-After within a bound instead of hanging, readiness turns DOWN, the outbox's wellness says it has not
 * been measured rather than judging from its last snapshot; after SIGCONT everything recovers by itself, and a
 * write retried with its Idempotency-Key is stored once.
 */
@QuarkusTest
class HungDatabaseTest {
    private static final String ORG = "hung-db-org";
    /** "Answers instead of hanging": the kit answers within 5 s (timeouts) or 8 s (request deadline). */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** The client gives up well after the bound, so a hang fails the test instead of blocking it. */
    private static final RestAssuredConfig CLIENT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));

    @Test
    void a_frozen_database_is_answered_503_within_seconds_and_everything_recovers_after_it_resumes() throws Exception {
        String series = startWeeklySeries(ORG);
        LocalPostgres postgres = SuiteInfrastructure.postgres();
        String key = UUID.randomUUID().toString();
        UUID leader = UUID.randomUUID();
        Map<String, Object> body = weeklySeries(leader, UUID.randomUUID());

        postgres.freeze();
        try {
            Response read = within(() -> as(ORG).config(CLIENT).get("/series/{id}", series));
            assertOutage(read);
            Response write = within(() -> as(ORG).config(CLIENT).header("Idempotency-Key", key).body(body).post("/series"));
            assertOutage(write);
            Response ready = within(() -> given().config(CLIENT).get("/q/health/ready"));
            ready.then().statusCode(503).body("status", equalTo("DOWN"));
            // the outbox's figures are not judged from a snapshot taken before the database stopped answering
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().config(CLIENT).get("/q/health/well").then().statusCode(503)
                            .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                            .body("checks.find { it.name == 'outbox' }.data.not-measured-since", notNullValue()));
            given().config(CLIENT).get("/q/metrics").then().statusCode(200)
                    .body(containsString("outbox_backlog_measured_age_seconds "));
        } finally {
            postgres.thaw();
        }

        // recovers by itself: reads, readiness and the outbox's figures
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(ORG).config(CLIENT).get("/series/{id}", series).statusCode() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().config(CLIENT).get("/q/health/ready").statusCode() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().config(CLIENT).get("/q/health/well").statusCode() == 200);
        // the write answered 503 may have been committed when PostgreSQL resumed; its retry stores nothing twice
        String created = as(ORG).config(CLIENT).header("Idempotency-Key", key).body(body).post("/series").then()
                .statusCode(201).extract().path("id");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("meetings"), postgres.username(),
                postgres.password());
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from event where payload ->> 'leaderId' = ?")) {
            statement.setString(1, leader.toString());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                assertEquals(1, result.getLong(1), "one series started for the write and its retry");
            }
        }
        as(ORG).config(CLIENT).get("/series/{id}", created).then().statusCode(200);
    }

    private static Response within(Supplier<Response> call) {
        Instant start = Instant.now();
        Response response = call.get();
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("answered %d after %d ms with PostgreSQL frozen%n", response.statusCode(), took.toMillis());
        assertTrue(took.compareTo(BOUND) < 0, "answered within " + BOUND + ", took " + took);
        return response;
    }

    private static void assertOutage(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body("type", containsString("service-unavailable"));
    }
}
