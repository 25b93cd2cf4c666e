package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * agenda-service answers with the kit's rate limit policies: the caller's role, its own budget for the history import
 * (whatever the import's answer), the address's without a token. The test profile's budgets are 10 million a minute;
 * meetings-service's {@code RateLimitsTest} uses them up.
 */
@QuarkusTest
class RateLimitPoliciesTest {

    @Test
    void the_history_import_has_its_own_policy_and_every_other_call_the_callers_role() {
        String org = "rate-" + UUID.randomUUID().toString().substring(0, 8);
        String integration = SuiteInfrastructure.signingKey().mint(org, "integration-" + org, List.of("integration"),
                Duration.ofMinutes(10));

        Response refusedImport = given().auth().oauth2(integration).contentType(ContentType.JSON).body("{}")
                .post("/imports/agenda-history");
        assertEquals(400, refusedImport.statusCode(), refusedImport.asString());
        assertEquals("\"import\";q=10000000;w=60", refusedImport.header("RateLimit-Policy"));
        assertEquals("\"import\";r=9999999;t=1", refusedImport.header("RateLimit"));

        Response agenda = given().auth().oauth2(personToken(org, UUID.randomUUID())).get("/meetings/{id}/agenda", UUID.randomUUID());
        assertEquals(404, agenda.statusCode());
        assertEquals("\"person\";q=10000000;w=60", agenda.header("RateLimit-Policy"));

        Response open = given().get("/asyncapi");
        assertEquals(200, open.statusCode());
        assertEquals("\"anonymous\";q=10000000;w=60", open.header("RateLimit-Policy"));
    }
}
