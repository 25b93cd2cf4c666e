package dev.oneonone.insights.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13, case 2: readiness does not depend on Kafka (the API reads PostgreSQL; consumers catch up when the
 * broker returns), so it stays UP with the broker stopped; liveness too, since nothing is stuck.
 */
@QuarkusTest
class KafkaOutageReadinessTest {

    @Test
    void readiness_stays_up_while_kafka_is_away() throws Exception {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", everyItem(not(containsString("Kafka"))))
                .body("checks.name", everyItem(not(containsString("messaging"))));
        SuiteInfrastructure.kafka().stop();
        try {
            Instant until = Instant.now().plusSeconds(8);
            while (Instant.now().isBefore(until)) {
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                given().get("/q/health/live").then().statusCode(200);
                Thread.sleep(500);
            }
        } finally {
            SuiteInfrastructure.kafka().restart();
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
