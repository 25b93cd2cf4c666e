package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.integrationToken;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.registerPerson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
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
    /** A webhook receiver that refuses connections (the discard port): deliveries only fail, nothing is sent. */
    private static final String UNREACHABLE_RECEIVER = "http://127.0.0.1:9/permission-table";

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
        if (rule.path().endsWith("/rehire") || rule.path().endsWith("/erasure")) {
            // only a leaver can be rehired or erased: one who joined a month ago and whose last day was the day before yesterday
            PeopleApi.registerLeaver(organisation, participant, LocalDate.now(ZoneOffset.UTC).minusDays(30),
                    LocalDate.now(ZoneOffset.UTC).minusDays(2));
        } else if (rule.method().equals("DELETE") && rule.path().endsWith("/employment-end")) {
            // only a notified end not yet past can be withdrawn
            registerPerson(organisation, participant, null);
            PeopleApi.endEmployment(organisation, participant, LocalDate.now(ZoneOffset.UTC).plusDays(30)).statusCode(200);
        } else if (aboutPeople) {
            registerPerson(organisation, participant, null);
        }

        String group = "perm-" + UUID.randomUUID().toString().substring(0, 8);
        if (rule.path().startsWith("/groups")) {
            as(organisation).body(Map.of("name", "Named " + group)).put("/groups/team/{code}", group).then().statusCode(200);
        }

        String scimUser = null;
        if (rule.path().startsWith("/scim/v2/Users")) {
            // a user the organisation's identity provider provisioned
            scimUser = with(integrationToken(organisation)).contentType("application/scim+json")
                    .body(scimUser(participant + "@scim.example")).post("/scim/v2/Users").then().statusCode(201)
                    .extract().path("id");
        }

        Response response = perform(rule, token, organisation, series, scimUser != null ? UUID.fromString(scimUser) : participant,
                group);

        assertEquals(expected.status(), response.statusCode(), () -> response.asString());
        if (expected.listed() != null) {
            List<String> ids = response.path(switch (rule.path()) {
                case "/meetings" -> "items.seriesId";
                case "/people/lookup" -> "people.id";
                case "/groups" -> "items.code";
                case "/scim/v2/Users" -> "Resources.id";
                default -> "items.id";
            });
            String object = rule.path().startsWith("/groups") ? group : aboutPeople ? participant.toString()
                    : scimUser != null ? scimUser : series;
            assertEquals(expected.listed(), ids.contains(object), "listed: " + ids);
        }
        if (!expected.allowed()) {
            assertEquals(rule.path().startsWith("/scim/") ? "application/scim+json" : "application/problem+json",
                    response.contentType());
        }
    }

    private static String scimUser(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"displayName\":\"Scim User\"}";
    }

    private static Response perform(Rule rule, String token, String organisation, String series, UUID participant,
            String group) {
        String path = rule.path().replace("{series}", series).replace("{person}", participant.toString())
                .replace("{kind}", "team").replace("{code}", group)
                .replace("{schema}", "urn:ietf:params:scim:schemas:core:2.0:User").replace("{resourceType}", "User");
        if (path.contains("{meeting}") || path.equals("/meetings")) {
            String meeting = scheduleMeeting(organisation, series, nextWeek()).statusCode(201).extract().path("id");
            path = path.replace("{meeting}", meeting);
        }
        if (path.contains("{feed}") || path.contains("{secret}")) {
            Response feed = with(personToken(organisation, participant)).body(Map.of("seriesId", series))
                    .post("/calendar/feeds");
            assertEquals(201, feed.statusCode(), () -> feed.asString());
            path = path.contains("{feed}") ? path.replace("{feed}", feed.<String>path("id")) : feed.<String>path("url");
        }
        if (path.contains("{endpoint}")) {
            path = path.replace("{endpoint}", webhookEndpoint(organisation));
            if (path.contains("{delivery}")) {
                path = path.replace("{delivery}", webhookDelivery(organisation, path));
            }
        }
        return switch (rule.method() + " " + rule.path()) {
            case "POST /series" -> with(token).body(weeklySeries(participant, UUID.randomUUID())).post(path);
            case "POST /series/{series}/meetings" -> with(token)
                    .body(Map.of("scheduledFor", nextWeek().toString())).post(path);
            case "POST /people" -> with(token).body(person(UUID.randomUUID(), null)).post(path);
            case "PUT /people/{person}" -> with(token).body(Map.of("name", "Renamed", "email", participant + "@people.example"))
                    .put(path);
            case "POST /people/{person}/employment-end" -> with(token).body(Map.of("lastDay", "2026-12-31")).post(path);
            case "DELETE /people/{person}/employment-end" -> with(token).delete(path);
            case "POST /people/{person}/erasure" -> with(token).post(path);
            case "POST /people/{person}/rehire" -> with(token).body(Map.of("name", "Back Again",
                    "email", participant + "@people.example")).post(path);
            case "POST /people/lookup" -> with(token).body(Map.of("ids", List.of(participant.toString()))).post(path);
            case "PUT /groups/{kind}/{code}" -> with(token).body(Map.of("name", "Renamed")).put(path);
            case "POST /people/import" -> with(token)
                    .body(Map.of("people", List.of(person(UUID.randomUUID(), participant)))).post(path);
            case "POST /series/{series}/cadence" -> with(token).body(Map.of("cadence", "BIWEEKLY")).post(path);
            case "POST /series/{series}/pause" -> with(token)
                    .body(Map.of("from", LocalDate.now().plusDays(30).toString(), "until", LocalDate.now().plusDays(40).toString()))
                    .post(path);
            case "POST /series/{series}/resume" -> {
                as(organisation).body(Map.of("from", LocalDate.now().minusDays(1).toString(),
                        "until", LocalDate.now().plusDays(10).toString())).post("/series/{id}/pause", series).then().statusCode(200);
                yield with(token).body(Map.of()).post(path);
            }
            case "POST /series/import" -> with(token).body(Map.of("series", List.of(Map.of(
                    "leaderId", participant.toString(), "companionId", UUID.randomUUID().toString(),
                    "relationship", "PEER", "cadence", "MONTHLY", "timeZone", "UTC", "startsOn", "2025-01-06")))).post(path);
            case "POST /series/{series}/meetings/{meeting}/reschedule" -> with(token)
                    .body(Map.of("to", nextWeek().plusSeconds(86_400).toString(), "reason", "CONFLICT")).post(path);
            case "POST /series/{series}/meetings/{meeting}/held" -> with(token)
                    .body(Map.of("heldAt", Instant.now().minusSeconds(60).toString(), "actualMinutes", 30, "mode", "REMOTE"))
                    .post(path);
            case "POST /series/{series}/meetings/{meeting}/cancel" -> with(token).body(Map.of("reason", "ILLNESS")).post(path);
            case "POST /calendar/feeds" -> with(token).body(Map.of("seriesId", series)).post(path);
            case "DELETE /calendar/feeds/{feed}" -> with(token).delete(path);
            case "POST /webhooks/endpoints" -> with(token).body(Map.of("url", UNREACHABLE_RECEIVER)).post(path);
            case "PATCH /webhooks/endpoints/{endpoint}" -> with(token).body(Map.of("description", "Renamed")).patch(path);
            case "DELETE /webhooks/endpoints/{endpoint}" -> with(token).delete(path);
            case "POST /scim/v2/Users" -> with(token).body(scimUser(UUID.randomUUID() + "@scim.example")).post(path);
            case "PUT /scim/v2/Users/{person}" -> with(token).body(scimUser(participant + "@renamed.example")).put(path);
            case "PATCH /scim/v2/Users/{person}" -> with(token).body("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","path":"displayName","value":"Patched"}]}""").patch(path);
            case "DELETE /scim/v2/Users/{person}" -> with(token).delete(path);
            case "POST /series/{series}/end", "POST /series/{series}/meetings/next", "POST /admin/projections/rebuild",
                    "POST /webhooks/endpoints/{endpoint}/secret/rotate",
                    "POST /webhooks/endpoints/{endpoint}/deliveries/{delivery}/redeliver" ->
                    with(token).post(path);
            default -> with(token).get(path);
        };
    }

    /** An endpoint the integration of the organisation registered, for the series started after it. */
    private static String webhookEndpoint(String organisation) {
        return as(organisation).body(Map.of("url", UNREACHABLE_RECEIVER, "eventTypes", List.of("oneonone.meetings.SeriesStarted")))
                .post("/webhooks/endpoints").then().statusCode(201).extract().path("endpoint.id");
    }

    /** A delivery of that endpoint: of a series started now, once the event came back from Kafka. */
    private static String webhookDelivery(String organisation, String path) {
        String endpoint = path.split("/")[3];
        startWeeklySeries(organisation);
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> as(organisation)
                .get("/webhooks/endpoints/{id}/deliveries", endpoint).then().statusCode(200).extract()
                .<String>path("items[0].id"), java.util.Objects::nonNull);
    }
}
