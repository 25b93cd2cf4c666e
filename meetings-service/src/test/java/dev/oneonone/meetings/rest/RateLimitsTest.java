package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.integrationToken;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.openapi.OpenApiResponses;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The kit's per-client rate limits ({@code kit.ratelimit.RateLimits}) on meetings-service, with budgets small enough to
 * use up (the other tests run with budgets no test reaches) and a time that moves only when the test moves it.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.SmallBudgets.class)
class RateLimitsTest {

    /** person 3, director 4, integration 5, hr 8, anonymous 3, imports 2, each per 60 s. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("suite.rate-limit.roles.person.limit", "3"),
                    Map.entry("suite.rate-limit.roles.director.limit", "4"),
                    Map.entry("suite.rate-limit.roles.integration.limit", "5"),
                    Map.entry("suite.rate-limit.roles.hr.limit", "8"),
                    Map.entry("suite.rate-limit.roles.anonymous.limit", "3"),
                    Map.entry("suite.rate-limit.imports.limit", "2"));
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SteppedRateLimitTime.class);
        }
    }

    @Inject
    SteppedRateLimitTime time;

    private static String org() {
        return "rate-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String token(String org, String subject, String... roles) {
        return SuiteInfrastructure.signingKey().mint(org, subject, List.of(roles), Duration.ofMinutes(10));
    }

    @Test
    void every_answer_states_the_policy_and_counts_down() {
        String token = integrationToken(org());
        List<String> left = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response answer = with(token).get("/series");
            assertEquals(200, answer.statusCode());
            assertEquals("\"integration\";q=5;w=60", answer.header("RateLimit-Policy"));
            left.add(answer.header("RateLimit"));
        }
        // a request back every 12 s: t is when the whole budget is back
        assertEquals(List.of("\"integration\";r=4;t=12", "\"integration\";r=3;t=24", "\"integration\";r=2;t=36"), left);
        Response refused = with(token).get("/series/{id}", UUID.randomUUID());
        assertEquals(404, refused.statusCode(), "an error answer counts and says so too");
        assertEquals("\"integration\";r=1;t=48", refused.header("RateLimit"));
    }

    @Test
    void over_budget_is_429_with_retry_after_and_a_problem_and_the_refused_write_changes_nothing() {
        String org = org();
        for (int i = 0; i < 5; i++) {
            as(org).get("/series").then().statusCode(200);
        }
        Response refused = as(org).body(weeklySeries(UUID.randomUUID(), UUID.randomUUID())).post("/series");

        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("https://oneonone.dev/problems/rate-limited", refused.jsonPath().getString("type"));
        assertEquals(429, refused.jsonPath().getInt("status"));
        assertEquals("12", refused.header("Retry-After"));
        assertEquals("\"integration\";q=5;w=60", refused.header("RateLimit-Policy"));
        assertEquals("\"integration\";r=0;t=60", refused.header("RateLimit"));

        time.advance(Duration.ofSeconds(12));
        assertEquals(0, as(org).get("/series").then().statusCode(200).extract().jsonPath().getList("items").size(),
                "the refused POST started no series");
    }

    @Test
    void over_budget_under_scim_is_a_scim_error() {
        String token = integrationToken(org());
        for (int i = 0; i < 5; i++) {
            with(token).get("/series").then().statusCode(200);
        }
        Response refused = with(token).get("/scim/v2/Users");
        assertEquals(429, refused.statusCode());
        assertEquals("application/scim+json", refused.contentType());
        assertEquals("429", refused.jsonPath().getString("status"));
        assertEquals("12", refused.header("Retry-After"));
        assertEquals("\"integration\";r=0;t=60", refused.header("RateLimit"));
    }

    @Test
    void the_budget_refills_over_its_window() {
        String token = integrationToken(org());
        for (int i = 0; i < 5; i++) {
            with(token).get("/series").then().statusCode(200);
        }
        assertEquals(429, with(token).get("/series").statusCode());
        time.advance(Duration.ofSeconds(11));
        Response stillRefused = with(token).get("/series");
        assertEquals(429, stillRefused.statusCode());
        assertEquals("1", stillRefused.header("Retry-After"));
        time.advance(Duration.ofSeconds(1));
        Response again = with(token).get("/series");
        assertEquals(200, again.statusCode());
        assertEquals("\"integration\";r=0;t=60", again.header("RateLimit"));
        time.advance(Duration.ofMinutes(5));
        assertEquals("\"integration\";r=4;t=12", with(token).get("/series").header("RateLimit"), "never more than the budget");
    }

    @Test
    void each_client_has_its_own_budget() {
        String org = org();
        String first = token(org, "client-one", "integration");
        for (int i = 0; i < 5; i++) {
            with(first).get("/series").then().statusCode(200);
        }
        assertEquals(429, with(first).get("/series").statusCode());

        assertEquals("\"integration\";r=4;t=12", with(token(org, "client-two", "integration")).get("/series")
                .then().statusCode(200).extract().header("RateLimit"), "another subject of the same organisation");
        assertEquals("\"integration\";r=4;t=12", with(token(org(), "client-one", "integration")).get("/series")
                .then().statusCode(200).extract().header("RateLimit"), "the same subject in another organisation");
        assertEquals(429, with(token(org, "client-one", "integration")).get("/series").statusCode(),
                "a new token of the same client shares its budget");
    }

    @Test
    void each_role_has_its_budget_and_a_token_with_several_gets_the_largest() {
        String org = org();
        UUID person = UUID.randomUUID();
        assertEquals("\"person\";q=3;w=60", with(token(org, person.toString(), "person")).get("/people")
                .header("RateLimit-Policy"));
        assertEquals("\"director\";q=4;w=60", with(token(org, UUID.randomUUID().toString(), "director"))
                .get("/people").header("RateLimit-Policy"));
        assertEquals("\"hr\";q=8;w=60", with(token(org, UUID.randomUUID().toString(), "hr")).get("/people")
                .header("RateLimit-Policy"));
        assertEquals("\"hr\";q=8;w=60", with(token(org, UUID.randomUUID().toString(), "person", "hr", "director"))
                .get("/people").header("RateLimit-Policy"));

        String personToken = token(org, person.toString(), "person");
        with(personToken).get("/people");
        with(personToken).get("/people");
        assertEquals(429, with(personToken).get("/people").statusCode(), "a person's third request of 3 is the fourth");
    }

    @Test
    void answers_refused_before_the_operation_are_counted_as_they_are_answered() {
        String person = token(org(), UUID.randomUUID().toString(), "person");
        Response wrongRole = with(person).body(Map.of("people", List.of())).post("/people/import");
        assertEquals(403, wrongRole.statusCode(), "importPeople is the integration's");
        assertEquals("\"person\";r=2;t=20", wrongRole.header("RateLimit"));
        // a path the API does not have, which the response validation would refuse as undocumented
        Response noOperation = given().noFiltersOfType(OpenApiResponses.class).auth().oauth2(person).get("/no-such-thing");
        assertEquals(404, noOperation.statusCode());
        assertEquals("\"person\";r=1;t=40", noOperation.header("RateLimit"));
        assertEquals("\"person\";r=0;t=60", with(person).get("/people").then().statusCode(200).extract().header("RateLimit"));
    }

    @Test
    void imports_have_their_own_budget() {
        String org = org();
        String token = integrationToken(org);
        for (int i = 0; i < 2; i++) {
            Response imported = with(token).body(Map.of("people", List.of(PeopleApi.person(UUID.randomUUID(), null))))
                    .post("/people/import");
            assertEquals(201, imported.statusCode());
            assertEquals("\"import\";q=2;w=60", imported.header("RateLimit-Policy"));
        }
        Response third = with(token).body(Map.of("people", List.of(PeopleApi.person(UUID.randomUUID(), null))))
                .post("/people/import");
        assertEquals(429, third.statusCode());
        assertEquals("\"import\";r=0;t=60", third.header("RateLimit"));
        assertEquals("30", third.header("Retry-After"));

        Response interactive = with(token).get("/people");
        assertEquals(200, interactive.statusCode(), "the imports did not use the interactive budget");
        assertEquals("\"integration\";r=4;t=12", interactive.header("RateLimit"));
        assertEquals(2, interactive.jsonPath().getList("items").size(), "the refused import added no one");
        for (int i = 0; i < 4; i++) {
            with(token).get("/people").then().statusCode(200);
        }
        assertEquals(429, with(token).get("/people").statusCode());
        time.advance(Duration.ofSeconds(30));
        assertEquals(201, with(token).body(Map.of("people", List.of(PeopleApi.person(UUID.randomUUID(), null))))
                .post("/people/import").statusCode(), "and the interactive calls did not use the import budget");
    }

    @Test
    void calls_without_a_token_are_counted_by_address_and_so_are_refused_tokens() {
        time.advance(Duration.ofMinutes(1)); // whatever other tests left of this address's budget is full again
        for (int i = 0; i < 2; i++) {
            Response open = with(null).get("/asyncapi");
            assertEquals(200, open.statusCode());
            assertEquals("\"anonymous\";q=3;w=60", open.header("RateLimit-Policy"));
        }
        // the security check answers before the operation is reached: the 401 is counted as it is answered
        Response refusedToken = with("not-a-token").get("/series");
        assertEquals(401, refusedToken.statusCode());
        assertEquals("\"anonymous\";r=0;t=60", refusedToken.header("RateLimit"));

        Response over = with(null).get("/asyncapi");
        assertEquals(429, over.statusCode());
        assertEquals("20", over.header("Retry-After"));
        assertEquals(200, as(org()).get("/series").statusCode(), "a token is not the address's budget");
        time.advance(Duration.ofMinutes(1));
    }
}
