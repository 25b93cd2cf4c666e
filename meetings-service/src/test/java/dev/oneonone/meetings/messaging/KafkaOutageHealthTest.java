package dev.oneonone.meetings.messaging;

import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.kit.outbox.OutboxRelay;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 13, case 2: a Kafka outage does not take the API out. Readiness checks PostgreSQL only (writes go to the
 * outbox), so it stays UP with the broker stopped while writes are accepted; the outbox backlog shows in the
 * wellness check and the metrics, and drains when Kafka returns.
 */
@QuarkusTest
class KafkaOutageHealthTest {
    private static final String ORG = "kafka-outage-org";

    @Inject
    OutboxRelay relay;

    @Test
    void readiness_stays_up_and_writes_go_on_while_kafka_is_away() throws Exception {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", everyItem(not(containsString("Kafka"))))
                .body("checks.name", everyItem(not(containsString("messaging"))));
        SuiteInfrastructure.kafka().stop();
        try {
            Instant until = Instant.now().plusSeconds(8);
            int accepted = 0;
            while (Instant.now().isBefore(until)) {
                String series = startWeeklySeries(ORG);
                scheduleMeeting(ORG, series, Instant.now().plusSeconds(86_400)).statusCode(201);
                accepted += 2;
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                given().get("/q/health/live").then().statusCode(200);
                Thread.sleep(500);
            }
            relay.measureBacklog();
            assertTrue(relay.backlog().unpublished() >= accepted, "the accepted events wait in the outbox");
            // the backlog is older than suite.outbox.alert-after (3 s in tests): the wellness check says so
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"));
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("outbox_backlog_events "), metrics);
            assertTrue(metrics.contains("outbox_oldest_unpublished_age_seconds "), metrics);
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            SuiteInfrastructure.kafka().restart();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            relay.measureBacklog();
            return relay.backlog().unpublished() == 0;
        });
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.unpublished", equalTo(0));
        List<String> lines = given().get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.startsWith("outbox_backlog_events")).toList();
        assertTrue(lines.stream().anyMatch(line -> line.endsWith(" 0.0")), lines.toString());
    }
}
