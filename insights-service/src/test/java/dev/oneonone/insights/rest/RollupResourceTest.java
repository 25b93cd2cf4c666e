package dev.oneonone.insights.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.oneonone.insights.OrganisationHistory;
import dev.oneonone.insights.SmallOrganisation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The rollups of {@link SmallOrganisation}, read through the API. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupResourceTest {
    private SmallOrganisation org;
    private OrganisationHistory history;
    private UUID d;
    private UUID m1;
    private UUID m2;
    private UUID c;
    private UUID g;
    private UUID seriesB;
    private UUID seriesM1;
    private String hr;

    // seeded before the first test rather than in @BeforeAll: RestAssured knows the test port only then
    @BeforeEach
    void seed() throws Exception {
        if (org != null) {
            return;
        }
        org = SmallOrganisation.seeded();
        history = org.history;
        d = org.d;
        m1 = org.m1;
        m2 = org.m2;
        c = org.c;
        g = org.g;
        seriesB = org.seriesB;
        seriesM1 = org.seriesM1;
        hr = org.hrToken;
    }

    @Test
    void the_organisation_at_a_glance() {
        given().auth().oauth2(hr).get("/rollups/organisation").then().statusCode(200)
                .body("scope.kind", equalTo("ORGANISATION"))
                .body("suppressed", equalTo(false))
                .body("figures.health.healthy", equalTo(5))
                .body("figures.health.atRisk", equalTo(1))
                .body("figures.health.overdue", equalTo(1))
                .body("figures.health.noOneOnOne", equalTo(2))
                .body("figures.coverage.withManager", equalTo(9))
                .body("figures.coverage.covered", equalTo(7))
                .body("figures.followThrough.completedOnTime", equalTo(1))
                .body("figures.followThrough.rate", equalTo(0.25f))
                .body("attentionCount", equalTo(4))
                .body("attention[0].seriesId", equalTo(seriesB.toString()))
                .body("attention[0].reasons", contains("OVERDUE", "LOW_FOLLOW_THROUGH"))
                .body("attention[1].seriesId", equalTo(seriesM1.toString()))
                .body("attention[1].reasons", contains("AT_RISK"))
                .body("attention.findAll { it.reasons == ['NO_ONE_ON_ONE'] }.companionId",
                        containsInAnyOrder(c.toString(), g.toString()));
    }

    @Test
    void a_team_a_department_and_a_small_team() {
        given().auth().oauth2(hr).get("/rollups/teams/PLATFORM").then().statusCode(200)
                .body("figures.people", equalTo(4))
                .body("figures.series", equalTo(3))
                .body("figures.coverage.covered", equalTo(3));
        given().auth().oauth2(hr).get("/rollups/teams/DESIGN").then().statusCode(200)
                .body("suppressed", equalTo(true))
                .body("figures", nullValue())
                .body("attention", nullValue());
        given().auth().oauth2(hr).get("/attention?scope=team:DESIGN").then().statusCode(200)
                .body("suppressed", equalTo(true)).body("items", hasSize(0)).body("next", nullValue());
        given().auth().oauth2(hr).get("/rollups/departments").then().statusCode(200)
                .body("items.scope.key", contains("ENG"))
                .body("items[0].figures.people", equalTo(10));
        given().auth().oauth2(hr).get("/rollups/teams?department=ENG").then().statusCode(200)
                .body("items.scope.key", contains("DATA", "DESIGN", "LEAD", "PLATFORM"))
                .body("items.find { it.scope.key == 'DESIGN' }.suppressed", equalTo(true));
        given().auth().oauth2(hr).get("/rollups/teams/NOPE").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_manager_and_their_reports_as_of_a_date() {
        given().auth().oauth2(hr).get("/rollups/managers/{id}", m1).then().statusCode(200)
                .body("figures.people", equalTo(3))
                .body("figures.series", equalTo(2))
                .body("figures.coverage.covered", equalTo(2));
        // four weeks ago H still reported to M1, and had a series with neither manager yet
        given().auth().oauth2(hr).queryParam("asOf", history.daysAgo(28).toString())
                .get("/rollups/managers/{id}", m1).then().log().ifValidationFails().statusCode(200)
                .body("figures.people", equalTo(4))
                .body("figures.coverage.withManager", equalTo(4));
        given().auth().oauth2(hr).get("/rollups/managers?team=PLATFORM").then().statusCode(200)
                .body("items.scope.key", containsInAnyOrder(d.toString(), m1.toString()));
    }

    @Test
    void managers_without_a_filter_are_every_manager_the_caller_sees() {
        // was a 500: neither team nor department given
        given().auth().oauth2(hr).get("/rollups/managers").then().statusCode(200)
                .body("items.scope.key", containsInAnyOrder(d.toString(), m1.toString(), m2.toString()))
                .body("total", equalTo(3));
        given().auth().oauth2(hr).queryParam("team", "DATA").queryParam("department", "ENG")
                .get("/rollups/managers").then().statusCode(200)
                .body("items.scope.key", containsInAnyOrder(d.toString(), m2.toString()));
        // a director without a filter: the managers of the people of their subtree (M1's reports: M1 manages them)
        given().auth().oauth2(history.token(m1.toString(), "director")).get("/rollups/managers").then().statusCode(200)
                .body("items.scope.key", hasItem(m1.toString())).body("$", hasKey("next"));
        // every list and group read without any optional parameter, by each role that may read it
        for (String role : List.of("hr", "integration", "director")) {
            String token = history.token(d.toString(), role);
            for (String list : List.of("/rollups/departments", "/rollups/teams", "/rollups/managers", "/attention", "/trends", "/series")) {
                given().auth().oauth2(token).get(list).then().statusCode(200);
            }
        }
        given().auth().oauth2(hr).queryParam("team", "T".repeat(101)).get("/rollups/managers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("team"));
    }

    @Test
    void a_director_sees_their_subtree_and_not_the_organisation() {
        String director = history.token(d.toString(), "director");
        given().auth().oauth2(director).get("/rollups/organisation").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(director).get("/rollups/subtrees/{id}", d).then().statusCode(200)
                .body("figures.people", equalTo(9))
                .body("figures.series", equalTo(7));
        String m1AsDirector = history.token(m1.toString(), "director");
        given().auth().oauth2(m1AsDirector).get("/rollups/departments/ENG").then().statusCode(200)
                .body("figures.people", equalTo(3))
                .body("figures.series", equalTo(2));
        given().auth().oauth2(m1AsDirector).get("/rollups/subtrees/{id}", d).then().statusCode(404);
        given().auth().oauth2(m1AsDirector).get("/rollups/managers/{id}", m2).then().statusCode(404);
        given().auth().oauth2(m1AsDirector).get("/attention").then().statusCode(200)
                .body("scope.kind", equalTo("SUBTREE"))
                .body("total", equalTo(2));
    }

    @Test
    void a_director_reads_the_series_whose_companion_is_in_their_subtree_on_the_date() {
        String m1AsDirector = history.token(m1.toString(), "director");
        // B reports to M1: visible; M1's own series with D: M1 is its companion, not in M1's subtree
        given().auth().oauth2(m1AsDirector).get("/series/{id}", seriesB).then().statusCode(200);
        given().auth().oauth2(m1AsDirector).get("/series/{id}/trend", seriesB).then().statusCode(200)
                .body("points", hasSize(12));
        given().auth().oauth2(m1AsDirector).get("/series/{id}", seriesM1).then().statusCode(404)
                .contentType("application/problem+json");
        // H moved from M1 to M2 three weeks ago: M1 sees M2's series with H only as of a date before the move
        given().auth().oauth2(m1AsDirector).get("/series/{id}", org.seriesH).then().statusCode(404);
        given().auth().oauth2(m1AsDirector).get("/series/{id}/trend", org.seriesH).then().statusCode(404);
        String beforeTheMove = history.daysAgo(28).toString();
        given().auth().oauth2(m1AsDirector).queryParam("asOf", beforeTheMove).get("/series/{id}", org.seriesH)
                .then().statusCode(200).body("figures.asOf", equalTo(beforeTheMove));
        given().auth().oauth2(m1AsDirector).queryParam("asOf", beforeTheMove).get("/series/{id}/trend", org.seriesH)
                .then().statusCode(200);

        List<String> today = given().auth().oauth2(m1AsDirector).get("/series").then().statusCode(200)
                .extract().jsonPath().getList("items.seriesId");
        assertEquals(java.util.Set.of(org.seriesA.toString(), seriesB.toString()), java.util.Set.copyOf(today),
                "M1 sees the series of A and B");
        assertEquals(2, today.size());
        List<String> then = given().auth().oauth2(m1AsDirector).queryParam("asOf", beforeTheMove).get("/series")
                .then().statusCode(200).extract().jsonPath().getList("items.seriesId");
        assertEquals(3, then.size(), "before the move M1 also sees H's series: " + then);
        assertEquals(true, then.contains(org.seriesH.toString()));

        // D sees every series (all companions are below D); HR the organisation; a director unknown to the
        // directory nothing
        given().auth().oauth2(history.token(d.toString(), "director")).get("/series").then().statusCode(200)
                .body("items", hasSize(7));
        given().auth().oauth2(hr).get("/series").then().statusCode(200).body("items", hasSize(7)).body("next", nullValue());
        String next = given().auth().oauth2(hr).get("/series?limit=5").then().statusCode(200).body("items", hasSize(5))
                .extract().path("next");
        given().auth().oauth2(hr).queryParam("after", next).get("/series").then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(hr).get("/series?after=nope").then().statusCode(400).body("errors[0].field", equalTo("after"));
        String stranger = history.token(UUID.randomUUID().toString(), "director");
        given().auth().oauth2(stranger).get("/series").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(stranger).get("/series/{id}", seriesB).then().statusCode(404);
        // a director who is a participant (role person too) reads their own series
        given().auth().oauth2(history.token(m1.toString(), "director", "person")).get("/series/{id}", seriesM1)
                .then().statusCode(200);
    }

    @Test
    void the_attention_list_pages() {
        Response first = given().auth().oauth2(hr).get("/attention?limit=3");
        first.then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(3))
                .body("next", notNullValue());
        given().auth().oauth2(hr).queryParam("limit", 3).queryParam("after", first.path("next").toString())
                .get("/attention").then().statusCode(200)
                .body("items", hasSize(1)).body("$", hasKey("next")).body("next", nullValue())
                .body("items[0].reasons", contains("NO_ONE_ON_ONE"));
    }

    @Test
    void weekly_trends_end_with_the_figures_of_the_date() {
        Response trend = given().auth().oauth2(hr).get("/trends?weeks=4");
        trend.then().statusCode(200).body("points", hasSize(4)).body("weeks", equalTo(4));
        List<String> weekEnds = trend.path("points.weekEnd");
        assertEquals(history.daysAgo(0).toString(), weekEnds.get(3));
        assertEquals(history.daysAgo(21).toString(), weekEnds.get(0));
        trend.then().body("points[3].figures.health.overdue", equalTo(1))
                .body("points[3].figures.coverage.covered", equalTo(7));
        given().auth().oauth2(hr).get("/trends").then().statusCode(200).body("points", hasSize(12));
        given().auth().oauth2(hr).get("/rollups/teams/PLATFORM?weeks=2").then().statusCode(200)
                .body("trend", hasSize(2)).body("trend[1].figures.people", equalTo(4));
    }

    @Test
    void refused_queries_name_each_field() {
        given().auth().oauth2(hr).get("/rollups/organisation?asOf=last-tuesday&weeks=53").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/invalid-input")) // one type for refused input, suite-wide
                .body("errors.field", containsInAnyOrder("asOf", "weeks"))
                .body("errors.reason", containsInAnyOrder("not-an-iso-date", "out-of-range"));
        // a parameter no operation here takes (the retired cursor) is refused, not ignored
        given().auth().oauth2(hr).get("/rollups/teams?cursor=abc&limit=1").then().statusCode(400)
                .body("type", equalTo("https://oneonone.dev/problems/invalid-input"))
                .body("errors[0].field", equalTo("cursor")).body("errors[0].reason", equalTo("unknown-parameter"));
        given().auth().oauth2(hr).get("/trends?scope=nonsense").then().statusCode(400)
                .body("type", equalTo("https://oneonone.dev/problems/invalid-input"))
                .body("errors[0].reason", equalTo("not-a-scope"));
        given().auth().oauth2(hr).get("/attention?limit=101&scope=galaxy:far").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("limit", "scope"));
        given().auth().oauth2(hr).queryParam("asOf", history.daysAgo(-2).toString()).get("/rollups/organisation")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(hr).get("/rollups/departments?after=bm9wZQ").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().auth().oauth2(hr).get("/trends?weeks=0").then().statusCode(400)
                .body("errors[0].field", equalTo("weeks"));
        given().auth().oauth2(history.token(UUID.randomUUID().toString(), "person")).get("/rollups/departments")
                .then().statusCode(403);
    }

    @Test
    void dates_before_1900_are_refused_not_computed() {
        for (String asOf : List.of("1899-12-31", "0000-01-01", "-999999999-01-01")) {
            for (String path : List.of("/trends", "/rollups/organisation?weeks=2", "/attention")) {
                given().auth().oauth2(hr).queryParam("asOf", asOf).get(path).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("asOf"))
                        .body("errors[0].reason", equalTo("date-out-of-range"));
            }
        }
    }
}
