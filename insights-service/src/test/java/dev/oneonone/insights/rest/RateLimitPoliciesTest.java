package dev.oneonone.insights.rest;

import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * insights-service answers with the kit's rate limit policies: the largest of the caller's roles, the address's without
 * a token. The test profile's budgets are 10 million a minute; meetings-service's {@code RateLimitsTest} uses them up.
 */
@QuarkusTest
class RateLimitPoliciesTest {

    @Test
    void every_answer_names_the_callers_policy() {
        String org = "rate-" + UUID.randomUUID().toString().substring(0, 8);
        String hrAndPerson = SuiteInfrastructure.signingKey().mint(org, UUID.randomUUID().toString(),
                List.of("person", "hr"), Duration.ofMinutes(10));

        Response first = given().auth().oauth2(hrAndPerson).get("/rollups/organisation");
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals("\"hr\";q=10000000;w=60", first.header("RateLimit-Policy"));
        // a request back every 6 µs: the count-down shows in meetings-service's RateLimitsTest, on a stepped time
        assertEquals("\"hr\";r=9999999;t=1", first.header("RateLimit"));

        assertEquals("\"integration\";q=10000000;w=60", given().auth().oauth2(integrationToken(org))
                .get("/rollups/organisation").header("RateLimit-Policy"));
        assertEquals("\"anonymous\";q=10000000;w=60", given().get("/asyncapi").header("RateLimit-Policy"));
    }
}
