package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static dev.oneonone.meetings.rest.PeopleApi.registerPersonOn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.openapi.OpenApiResponses;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * POST /people/lookup: each role sees the names its rule allows, and ids it may not see are absent, exactly like ids
 * that do not exist. The organisation: director D; manager M reports to D; R1 and R2 report to M; leaver L reported
 * to M; outsider O has no manager; peer P shares a series with R1 only.
 */
@QuarkusTest
class PeopleLookupTest {

    private record Organisation(String id, UUID d, UUID m, UUID r1, UUID r2, UUID l, UUID o, UUID p, UUID unknown) {
        List<UUID> everyone() {
            return List.of(d, m, r1, r2, l, o, p, unknown);
        }
    }

    private static Organisation organisation() {
        String org = "lookup-" + UUID.randomUUID().toString().substring(0, 8);
        // the leaver's first day (and their managers') a month ago: an employment may not end before it began
        LocalDate monthAgo = LocalDate.now().minusDays(30);
        UUID d = registerPersonOn(org, UUID.randomUUID(), null, monthAgo);
        UUID m = registerPersonOn(org, UUID.randomUUID(), d, monthAgo);
        UUID r1 = registerPerson(org, m);
        UUID r2 = registerPerson(org, m);
        UUID l = registerPersonOn(org, UUID.randomUUID(), m, monthAgo);
        UUID o = registerPerson(org, null);
        UUID p = registerPerson(org, null);
        as(org).body(Map.of("lastDay", LocalDate.now().minusDays(1).toString()))
                .post("/people/{id}/employment-end", l).then().statusCode(200);
        startWeeklySeries(org, p, r1);
        return new Organisation(org, d, m, r1, r2, l, o, p, UUID.randomUUID());
    }

    private static ValidatableResponse lookup(String token, Object body) {
        return with(token).body(body).post("/people/lookup").then();
    }

    private static Set<UUID> seen(String token, List<UUID> ids) {
        List<String> found = lookup(token, Map.of("ids", ids)).statusCode(200).extract().path("people.id");
        return found.stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    private static String token(String org, String subject, String role) {
        return SuiteInfrastructure.signingKey().mint(org, subject, List.of(role), Duration.ofMinutes(10));
    }

    @Test
    void integration_and_hr_see_the_whole_organisation_leavers_included() {
        Organisation org = organisation();
        Set<UUID> all = Set.of(org.d(), org.m(), org.r1(), org.r2(), org.l(), org.o(), org.p());

        assertEquals(all, seen(MeetingsApi.integrationToken(org.id()), org.everyone()));
        assertEquals(all, seen(token(org.id(), UUID.randomUUID().toString(), "hr"), org.everyone()));
        lookup(MeetingsApi.integrationToken(org.id()), Map.of("ids", List.of(org.r1())))
                .body("people", contains(Map.of("id", org.r1().toString(), "name", "Person " + org.r1().toString().substring(0, 8),
                        "team", "platform", "department", "ENG")))
                .body("groups", empty());
    }

    @Test
    void a_director_sees_themselves_and_their_reporting_subtree_only() {
        Organisation org = organisation();

        assertEquals(Set.of(org.d(), org.m(), org.r1(), org.r2()),
                seen(token(org.id(), org.d().toString(), "director"), org.everyone()), "not the leaver, nor outside the subtree");
        assertEquals(Set.of(org.m(), org.r1(), org.r2()),
                seen(token(org.id(), org.m().toString(), "director"), org.everyone()), "not their own manager");
        assertEquals(Set.of(), seen(token(org.id(), UUID.randomUUID().toString(), "director"), org.everyone()),
                "a director outside the directory has no subtree");
    }

    @Test
    void a_person_sees_themselves_their_manager_reports_and_series_companions() {
        Organisation org = organisation();

        assertEquals(Set.of(org.m(), org.d(), org.r1(), org.r2()), seen(personToken(org.id(), org.m()), org.everyone()),
                "themselves, their manager and their reports still employed");
        assertEquals(Set.of(org.r1(), org.m(), org.p()), seen(personToken(org.id(), org.r1()), org.everyone()),
                "themselves, their manager and the peer of their series; not a fellow report");
        assertEquals(Set.of(org.p(), org.r1()), seen(personToken(org.id(), org.p()), org.everyone()));
        // a leaver's token is refused like every request of theirs after the last day (docs/security.md, "Leavers")
        lookup(personToken(org.id(), org.l()), Map.of("ids", org.everyone())).statusCode(403)
                .body("type", endsWith("/employment-ended"));        // so are their director and HR tokens: the subject is the same person of the directory
        for (String role : List.of("director", "hr")) {
            lookup(token(org.id(), org.l().toString(), role), Map.of("ids", org.everyone())).statusCode(403)
                    .body("type", endsWith("/employment-ended"));
        }
    }

    @Test
    void another_organisation_sees_nothing_even_with_the_same_person_id() {
        Organisation org = organisation();

        assertEquals(Set.of(), seen(personToken(org.id() + "-other", org.m()), org.everyone()));
        assertEquals(Set.of(), seen(MeetingsApi.integrationToken(org.id() + "-other"), org.everyone()));
    }

    @Test
    void named_groups_are_answered_by_kind_and_code_and_others_left_out() {
        Organisation org = organisation();
        as(org.id()).body(Map.of("name", "Platform Engineering")).put("/groups/team/platform").then().statusCode(200);
        as(org.id() + "-other").body(Map.of("name", "Elsewhere")).put("/groups/department/ENG").then().statusCode(200);

        lookup(personToken(org.id(), org.r1()), Map.of("ids", List.of(org.r1()),
                "groups", List.of("team:platform", "department:ENG", "team:nameless", "team:PLATFORM")))
                .statusCode(200)
                .body("groups", contains(Map.of("kind", "team", "code", "platform", "name", "Platform Engineering")));
        // group names without any person id: what an integration's dashboard asks for (its token names no person)
        lookup(MeetingsApi.integrationToken(org.id()), Map.of("ids", List.of(), "groups", List.of("team:platform")))
                .statusCode(200)
                .body("people", empty())
                .body("groups", contains(Map.of("kind", "team", "code", "platform", "name", "Platform Engineering")));
    }

    @Test
    void limits_and_malformed_input_are_refused_field_by_field() {
        String token = MeetingsApi.integrationToken("lookup-limits");
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(UUID.randomUUID());
        }
        List<UUID> withNull = new ArrayList<>(List.of(UUID.randomUUID()));
        withNull.add(null);

        problem(lookup(token, Map.of()), "ids");
        problem(lookup(token, Map.of("ids", List.of())), "ids");
        problem(lookup(token, Map.of("ids", List.of(), "groups", List.of())), "ids");
        problem(lookup(token, Map.of("ids", tooMany)), "ids");
        problem(lookup(token, Map.of("ids", withNull)), "ids[1]");
        problem(lookup(token, Map.of("ids", List.of(UUID.randomUUID()), "groups", List.of("squad:x"))), "groups[0]");
        problem(lookup(token, Map.of("ids", List.of(UUID.randomUUID()), "groups", List.of("team:has space"))), "groups[0]");
        problem(lookup(token, Map.of("ids", List.of(UUID.randomUUID()), "groups", Collections.nCopies(101, "team:a"))), "groups");
        lookup(token, Map.of("ids", tooMany.subList(0, 500), "groups", Collections.nCopies(100, "team:a"))).statusCode(200)
                .body("people", empty());
    }

    @Test
    void without_a_token_it_is_refused() {
        lookup(null, Map.of("ids", List.of(UUID.randomUUID()))).statusCode(401);
    }

    @Test
    void the_dashboards_origin_may_call_it_from_a_browser_and_no_other() {
        // a CORS preflight is answered by the HTTP layer before any operation: the OpenAPI document does not describe it
        given().noFiltersOfType(OpenApiResponses.class).header("Origin", "http://localhost:8083")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/people/lookup").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8083")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
        Organisation org = organisation();
        with(MeetingsApi.integrationToken(org.id())).header("Origin", "http://localhost:8083")
                .body(Map.of("ids", List.of(org.d()))).post("/people/lookup").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8083");

        given().noFiltersOfType(OpenApiResponses.class).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/people/lookup").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static void problem(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field))
                .body("status", equalTo(400));
    }
}
