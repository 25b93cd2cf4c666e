package dev.oneonone.meetings.security;

import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.oneonone.local.PermissionTable;
import dev.oneonone.local.PermissionTable.Expectation;
import dev.oneonone.local.PermissionTable.Rule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** One test per cell of the meetings rows of the permission table in docs/security.md. */
@QuarkusTest
class PermissionTableTest {

    @TestFactory
    Stream<DynamicTest> every_cell_of_the_table() {
        List<Rule> rules = PermissionTable.of("meetings");
        assertFalse(rules.isEmpty(), "docs/security.md has rows for meetings");
        return rules.stream().flatMap(rule -> rule.expectations().entrySet().stream()
                .map(cell -> DynamicTest.dynamicTest(rule.name() + " by " + cell.getKey(),
                        () -> check(rule, cell.getKey(), cell.getValue()))));
    }

    private static void check(Rule rule, String actor, Expectation expected) {
        String organisation = "perm-" + UUID.randomUUID().toString().substring(0, 8);
        UUID participant = UUID.randomUUID();
        String series = startWeeklySeries(organisation, participant, UUID.randomUUID());
        String token = PermissionTable.tokenOf(actor, organisation, participant);

        boolean aboutPeople = rule.path().startsWith("/people");
        if (aboutPeople) {
            registerPerson(organisation, participant, null);
        }

        Response response = perform(rule, token, series, participant);

        assertEquals(expected.status(), response.statusCode(), () -> response.asString());
        if (expected.listed() != null) {
            List<String> ids = response.path("items.id");
            String object = aboutPeople ? participant.toString() : series;
            assertEquals(expected.listed(), ids.contains(object), "listed: " + ids);
        }
        if (!expected.allowed()) {
            assertEquals("application/problem+json", response.contentType());
        }
    }

    private static Response perform(Rule rule, String token, String series, UUID participant) {
        String path = rule.path().replace("{series}", series).replace("{person}", participant.toString());
        return switch (rule.method() + " " + rule.path()) {
            case "POST /series" -> with(token).body(weeklySeries(participant, UUID.randomUUID())).post(path);
            case "POST /series/{series}/meetings" -> with(token)
                    .body(Map.of("scheduledFor", nextWeek().toString())).post(path);
            case "POST /people" -> with(token).body(person(UUID.randomUUID(), null)).post(path);
            case "PUT /people/{person}" -> with(token).body(Map.of("name", "Renamed", "email", participant + "@people.example"))
                    .put(path);
            case "POST /people/{person}/employment-end" -> with(token).body(Map.of("lastDay", "2026-12-31")).post(path);
            case "POST /people/import" -> with(token)
                    .body(Map.of("people", List.of(person(UUID.randomUUID(), participant)))).post(path);
            default -> with(token).get(path);
        };
    }
}
