package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.local.LocalSigningKey;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthenticationTest {
    private static final List<String> PERSON = List.of("person");

    @Test
    void no_token_is_401_with_a_problem_detail() {
        with(null).get("/series").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/unauthenticated"));
    }

    @Test
    void an_expired_token_is_401() {
        String expired = SuiteInfrastructure.signingKey().mint("acme", UUID.randomUUID().toString(), PERSON,
                Instant.now().minusSeconds(600), LocalSigningKey.ISSUER);

        with(expired).get("/series").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_signed_with_another_key_is_401() throws Exception {
        LocalSigningKey stranger = LocalSigningKey.loadOrCreate(Files.createTempDirectory("stranger-key"));
        String forged = stranger.mint("acme", UUID.randomUUID().toString(), PERSON, Duration.ofMinutes(5));

        with(forged).get("/series").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_from_another_issuer_is_401() {
        String foreign = SuiteInfrastructure.signingKey().mint("acme", UUID.randomUUID().toString(), PERSON,
                Instant.now().plusSeconds(600), "https://someone-else.example");

        with(foreign).get("/series").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_without_organisation_is_403() {
        String orphan = SuiteInfrastructure.signingKey().mint(null, UUID.randomUUID().toString(), PERSON,
                Duration.ofMinutes(5));

        with(orphan).get("/series").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void openapi_health_and_metrics_stay_open() {
        with(null).get("/q/openapi").then().statusCode(200);
        with(null).get("/q/health/ready").then().statusCode(200);
        with(null).get("/q/metrics").then().statusCode(200);
    }
}
