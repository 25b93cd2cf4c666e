package dev.oneonone.meetings.rest.scim;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.integrationToken;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * SCIM 2.0 provisioning (/scim/v2) as identity providers use it: Okta-style and Microsoft Entra-style bodies, the
 * directory events each change records (the same as the REST API's), filters, paging, ETags and SCIM errors.
 */
@QuarkusTest
class ScimUsersTest {
    static final String SCIM = "application/scim+json";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String TEAM = "urn:oneonone:params:scim:schemas:extension:team:2.0:User";

    @Inject
    DataSource dataSource;

    @Test
    void an_okta_style_create_registers_the_person_and_answers_the_user() {
        String org = newOrganisation();
        String managerId = create(org, user("boss@acme.example", "Bo Boss", null, null)).path("id");

        Response created = scim(org).body(user("Ada@Acme.example", "Ada Lovelace", "platform", managerId)
                .replace("\"userName\"", "\"phoneNumbers\":[{\"value\":\"+1 555\",\"type\":\"work\"}],\"locale\":\"en-US\",\"userName\""))
                .post("/scim/v2/Users");

        created.then().statusCode(201).contentType(startsWith(SCIM))
                .header("ETag", "W/\"1\"")
                .header("Location", startsWith("http"))
                .body("userName", equalTo("Ada@Acme.example"))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails[0].value", equalTo("Ada@Acme.example"))
                .body("active", equalTo(true))
                .body("'" + ENTERPRISE + "'.department", equalTo("ENG"))
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(managerId))
                .body("'" + TEAM + "'.team", equalTo("platform"))
                .body("meta.resourceType", equalTo("User"))
                .body("meta.version", equalTo("W/\"1\""));
        String id = created.path("id");
        assertEquals(created.header("Location"), created.path("meta.location"));

        as(org).get("/people/{id}", id).then().statusCode(200)
                .body("name", equalTo("Ada Lovelace")).body("team", equalTo("platform"))
                .body("department", equalTo("ENG")).body("managerId", equalTo(managerId));
        assertEquals(List.of("oneonone.meetings.PersonRegistered"), eventTypes(id));

        scim(org).get("/scim/v2/Users/{id}", id).then().statusCode(200).header("ETag", "W/\"1\"")
                .body("id", equalTo(id)).body("externalId", equalTo("ext-Ada@Acme.example"));
    }

    @Test
    void filters_find_by_user_name_case_insensitively_and_by_external_id_exactly() {
        String org = newOrganisation();
        String id = create(org, user("grace@acme.example", "Grace Hopper", null, null)).path("id");
        create(org, user("alan@acme.example", "Alan Turing", null, null));

        list(org, "userName eq \"GRACE@acme.example\"").then().statusCode(200).contentType(startsWith(SCIM))
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        list(org, "externalId eq \"ext-grace@acme.example\"").then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        list(org, "externalId eq \"EXT-grace@acme.example\"").then().statusCode(200).body("totalResults", equalTo(0));
        list(org, "id eq \"" + id + "\"").then().statusCode(200).body("totalResults", equalTo(1));
        list(org, "id eq \"not-an-id\"").then().statusCode(200).body("totalResults", equalTo(0));
        list(org, "userName eq \"nobody@acme.example\"").then().statusCode(200)
                .body("totalResults", equalTo(0)).body("itemsPerPage", equalTo(0));
        list(newOrganisation(), "userName eq \"grace@acme.example\"").then().body("totalResults", equalTo(0));
    }

    @Test
    void unsupported_or_malformed_filters_are_invalid_filter() {
        String org = newOrganisation();
        for (String filter : List.of("userName co \"a\"", "name.familyName eq \"x\"", "userName eq", "emails[type eq \"work\"]")) {
            list(org, filter).then().statusCode(400).contentType(startsWith(SCIM))
                    .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:Error"))
                    .body("status", equalTo("400")).body("scimType", equalTo("invalidFilter"));
        }
    }

    @Test
    void pages_by_start_index_and_count() {
        String org = newOrganisation();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(org, user("p" + i + "@acme.example", "Person " + i, null, null)).path("id"));
        }
        scim(org).queryParam("count", 2).get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(3)).body("itemsPerPage", equalTo(2)).body("startIndex", equalTo(1))
                .body("Resources.id", equalTo(ids.subList(0, 2)));
        scim(org).queryParam("startIndex", 3).queryParam("count", 2).get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(3)).body("itemsPerPage", equalTo(1)).body("startIndex", equalTo(3))
                .body("Resources.id", equalTo(ids.subList(2, 3)));
        scim(org).queryParam("count", 0).get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(3)).body("itemsPerPage", equalTo(0));
        scim(org).queryParam("count", "many").get("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidValue"));
    }

    @Test
    void a_replace_changes_the_entry_and_if_match_guards_it() {
        String org = newOrganisation();
        Response created = create(org, user("linus@acme.example", "Linus T", "kernel", null));
        String id = created.path("id");

        Response replaced = scim(org).header("If-Match", "W/\"1\"")
                .body(user("linus@acme.example", "Linus Torvalds", "kernel", null).replace("\"ENG\"", "\"OPS\""))
                .put("/scim/v2/Users/{id}", id);
        replaced.then().statusCode(200).body("displayName", equalTo("Linus Torvalds"))
                .body("'" + ENTERPRISE + "'.department", equalTo("OPS"));
        assertNotEquals("W/\"1\"", replaced.header("ETag"));
        assertEquals(replaced.header("ETag"), replaced.path("meta.version"));
        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.PersonDetailsChanged"), eventTypes(id));

        scim(org).header("If-Match", "W/\"1\"").body(user("linus@acme.example", "Stale", null, null))
                .put("/scim/v2/Users/{id}", id).then().statusCode(412).contentType(startsWith(SCIM))
                .body("status", equalTo("412"));
        scim(org).header("If-Match", "W/\"1\"").body(patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Stale\"}"))
                .patch("/scim/v2/Users/{id}", id).then().statusCode(412);
        scim(org).header("If-Match", "W/\"1\"").delete("/scim/v2/Users/{id}", id).then().statusCode(412);
        scim(org).get("/scim/v2/Users/{id}", id).then().body("displayName", equalTo("Linus Torvalds"));
    }

    @Test
    void an_okta_deactivation_ends_the_employment_today_with_the_rest_apis_event() {
        String org = newOrganisation();
        String id = create(org, user("leaver@acme.example", "Lee Aver", null, null)).path("id");

        scim(org).body(patch("{\"op\":\"replace\",\"value\":{\"active\":false}}")).patch("/scim/v2/Users/{id}", id)
                .then().statusCode(200).body("active", equalTo(false));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.EmploymentEnded"), eventTypes(id));
        assertEquals(List.of(today), rows("select payload->>'lastDay' from event where stream_id = ? "
                + "and event_type = 'oneonone.meetings.EmploymentEnded'", id));
        assertEquals(List.of("person"), rows("select stream_type from event where stream_id = ? "
                + "and event_type = 'oneonone.meetings.EmploymentEnded'", id), "in the event store, its outbox, as for REST");
        as(org).get("/people/{id}", id).then().statusCode(200).body("lastDay", equalTo(today));

        // Entra-style: capitalised op and a string boolean; the end recorded for today is withdrawn
        scim(org).body(patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}")).patch("/scim/v2/Users/{id}", id)
                .then().statusCode(200).body("active", equalTo(true));
        assertEquals("oneonone.meetings.EmploymentEndWithdrawn", last(eventTypes(id)));
        as(org).get("/people/{id}", id).then().body("lastDay", nullValue());

        scim(org).body(patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")).patch("/scim/v2/Users/{id}", id)
                .then().statusCode(200).body("active", equalTo(false));
        assertEquals("oneonone.meetings.EmploymentEnded", last(eventTypes(id)));
    }

    @Test
    void active_true_rehires_a_leaver_from_today() throws SQLException {
        String org = newOrganisation();
        UUID leaver = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PeopleApi.registerLeaver(org, leaver, today.minusDays(30), today.minusDays(2));
        provisionedEarlier(org, leaver, "back@acme.example");
        scim(org).get("/scim/v2/Users/{id}", leaver).then().statusCode(200).body("active", equalTo(false));

        scim(org).body(patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}"))
                .patch("/scim/v2/Users/{id}", leaver).then().statusCode(200).body("active", equalTo(true));

        assertEquals("oneonone.meetings.PersonRehired", last(eventTypes(leaver.toString())));
        as(org).get("/people/{id}", leaver).then().body("lastDay", nullValue())
                .body("employedSince", equalTo(today.toString()));
    }

    @Test
    void an_entra_style_patch_with_value_filter_paths_and_a_manager_as_a_string() {
        String org = newOrganisation();
        String managerId = create(org, user("mgr@acme.example", "Manager", null, null)).path("id");
        String id = create(org, user("entra@acme.example", "Entra User", null, null)).path("id");

        scim(org).body(patch("""
                {"op":"Replace","path":"displayName","value":"Entra Renamed"},
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"renamed@acme.example"},
                {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"},
                {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"SALES"},
                {"op":"Add","path":"urn:oneonone:params:scim:schemas:extension:team:2.0:User:team","value":"deals"}"""
                .formatted(managerId))).patch("/scim/v2/Users/{id}", id)
                .then().statusCode(200).body("displayName", equalTo("Entra Renamed"))
                .body("emails[0].value", equalTo("renamed@acme.example"))
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(managerId))
                .body("'" + ENTERPRISE + "'.department", equalTo("SALES"))
                .body("'" + TEAM + "'.team", equalTo("deals"));
        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.PersonDetailsChanged",
                "oneonone.meetings.ReportingLineChanged"), eventTypes(id));

        scim(org).body(patch("{\"op\":\"Remove\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\"}"))
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200)
                .body("'" + ENTERPRISE + "'.manager", nullValue());
        as(org).get("/people/{id}", id).then().body("managerId", nullValue());
    }

    @Test
    void delete_ends_the_employment_and_the_user_is_gone_for_scim() {
        String org = newOrganisation();
        String id = create(org, user("gone@acme.example", "Gone Soon", null, null)).path("id");

        scim(org).delete("/scim/v2/Users/{id}", id).then().statusCode(204);

        assertEquals("oneonone.meetings.EmploymentEnded", last(eventTypes(id)));
        as(org).get("/people/{id}", id).then().statusCode(200)
                .body("lastDay", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        scim(org).get("/scim/v2/Users/{id}", id).then().statusCode(404).contentType(startsWith(SCIM)).body("status", equalTo("404"));
        scim(org).body(user("gone@acme.example", "Gone", null, null)).put("/scim/v2/Users/{id}", id).then().statusCode(404);
        scim(org).body(patch("{\"op\":\"replace\",\"value\":{\"active\":true}}")).patch("/scim/v2/Users/{id}", id)
                .then().statusCode(404);
        scim(org).delete("/scim/v2/Users/{id}", id).then().statusCode(404);
        list(org, "userName eq \"gone@acme.example\"").then().body("totalResults", equalTo(0));
    }

    @Test
    void a_taken_user_name_or_email_is_uniqueness() {
        String org = newOrganisation();
        create(org, user("taken@acme.example", "First", null, null));

        scim(org).body(user("TAKEN@acme.example", "Second", null, null).replace("\"emails\":[{\"value\":\"TAKEN@acme.example\"",
                "\"emails\":[{\"value\":\"other@acme.example\"")).post("/scim/v2/Users").then().statusCode(409)
                .contentType(startsWith(SCIM)).body("scimType", equalTo("uniqueness")).body("status", equalTo("409"));
        scim(org).body(user("someone-else", "Third", null, null).replace("\"emails\":[{\"value\":\"someone-else\"",
                "\"emails\":[{\"value\":\"taken@acme.example\"")).post("/scim/v2/Users").then().statusCode(409)
                .body("scimType", equalTo("uniqueness")).body("detail", containsString("emails"));
    }

    @Test
    void kept_values_follow_the_suites_rules_and_errors_name_the_attribute() {
        String org = newOrganisation();
        scim(org).body(user("codes@acme.example", "Codes", "not a code!", null)).post("/scim/v2/Users").then()
                .statusCode(400).contentType(startsWith(SCIM)).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString(TEAM + ":team"));
        scim(org).body(user("ctl@acme.example", "Bad\\u0007Name", null, null)).post("/scim/v2/Users").then()
                .statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("name.givenName"));
        scim(org).body(user("nomail", "No Mail", null, null).replace("\"emails\":[{\"value\":\"nomail\",\"type\":\"work\",\"primary\":true}],", ""))
                .post("/scim/v2/Users").then().statusCode(400).body("detail", containsString("emails"));
        scim(org).body(user("mgr@acme.example", "Bad Manager", null, "not-a-uuid")).post("/scim/v2/Users").then()
                .statusCode(400).body("detail", containsString("manager"));
        scim(org).body(user("ghost@acme.example", "Ghost's Report", null, UUID.randomUUID().toString()))
                .post("/scim/v2/Users").then().statusCode(400).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("manager"));
        scim(org).body("{\"userName\": ").post("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
        scim(org).body(patch("{\"op\":\"jump\",\"path\":\"active\"}")).patch("/scim/v2/Users/{id}", UUID.randomUUID())
                .then().statusCode(400).contentType(startsWith(SCIM));
    }

    @Test
    void every_refusal_under_scim_is_a_scim_error() {
        String org = newOrganisation();
        given().contentType(SCIM).get("/scim/v2/Users").then().statusCode(401).contentType(startsWith(SCIM))
                .body("status", equalTo("401")).header("WWW-Authenticate", "Bearer");
        given().contentType(SCIM).auth().oauth2(personToken(org, UUID.randomUUID())).get("/scim/v2/Users").then()
                .statusCode(403).contentType(startsWith(SCIM)).body("status", equalTo("403"));
        scim(org).get("/scim/v2/Users/{id}", UUID.randomUUID()).then().statusCode(404).contentType(startsWith(SCIM));
        scim(org).get("/scim/v2/Users/not-an-id").then().statusCode(404).contentType(startsWith(SCIM));
        scim(org).contentType("text/plain").body("hello").post("/scim/v2/Users").then().statusCode(415)
                .contentType(startsWith(SCIM));
        scim(org).body("{\"userName\":\"" + "x".repeat(1_100_000) + "\"}").post("/scim/v2/Users").then().statusCode(413)
                .contentType(startsWith(SCIM));
        // the HTTP layer's refusals too: a URI over 8 KiB, and a chunked body over the limit
        scim(org).get("/scim/v2/Users?filter=" + "x".repeat(9_000)).then().statusCode(414).contentType(startsWith(SCIM))
                .body("status", equalTo("414"));
        scim(org).body(new java.io.ByteArrayInputStream(("{\"userName\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).post("/scim/v2/Users").then().statusCode(413)
                .contentType(startsWith(SCIM));
        // application/json is accepted too (RFC 7644 section 3.1)
        scim(org).contentType("application/json").body(user("json@acme.example", "Json", null, null))
                .post("/scim/v2/Users").then().statusCode(201);
    }

    @Test
    void discovery_says_exactly_what_is_supported() {
        String org = newOrganisation();
        scim(org).get("/scim/v2/ServiceProviderConfig").then().statusCode(200).contentType(startsWith(SCIM))
                .body("patch.supported", equalTo(true)).body("bulk.supported", equalTo(false))
                .body("filter.supported", equalTo(true)).body("filter.maxResults", equalTo(200))
                .body("sort.supported", equalTo(false)).body("etag.supported", equalTo(true))
                .body("changePassword.supported", equalTo(false))
                .body("authenticationSchemes[0].type", equalTo("oauthbearertoken"))
                .body("meta.location", startsWith("http"));
        scim(org).get("/scim/v2/Schemas").then().statusCode(200)
                .body("Resources.id", hasItems("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE, TEAM));
        scim(org).get("/scim/v2/Schemas/{id}", TEAM).then().statusCode(200).body("attributes[0].name", equalTo("team"));
        scim(org).get("/scim/v2/ResourceTypes").then().statusCode(200)
                .body("Resources[0].endpoint", equalTo("/Users"))
                .body("Resources[0].schemaExtensions.schema", hasItems(ENTERPRISE, TEAM));
        scim(org).get("/scim/v2/ResourceTypes/User").then().statusCode(200).body("id", equalTo("User"));
        scim(org).get("/scim/v2/ResourceTypes/Group").then().statusCode(404).contentType(startsWith(SCIM));
    }

    @Test
    void malformed_bodies_are_scim_errors_of_400_never_500() {
        String org = newOrganisation();
        String id = create(org, user("odd@acme.example", "Odd Bodies", null, null)).path("id");
        String patchOp = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
        for (String body : List.of(patch("null"), patch("1"), patch("\"x\""), patch("[]"), patch("{}"), patch("{\"op\":null}"),
                patch("{\"op\":\"add\",\"path\":5,\"value\":1}"), patch("{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":1}"),
                patch("{\"op\":\"replace\",\"value\":5}"), patch("{\"op\":\"add\",\"value\":[1,2]}"),
                patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":{\"a\":1}}"),
                patch("{\"op\":\"replace\",\"path\":\"emails\",\"value\":\"x\"}"),
                patch("{\"op\":\"remove\",\"path\":\"userName\"}"),
                "{" + patchOp + ",\"Operations\":null}", "{" + patchOp + ",\"Operations\":{}}", "{" + patchOp + "}",
                "{" + patchOp + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}},null]}",
                "[]", "null", "\"text\"", "{\"schemas\":[null],\"Operations\":[{\"op\":\"replace\",\"value\":{}}]}")) {
            scim(org).body(body).patch("/scim/v2/Users/{id}", id).then().statusCode(400).contentType(startsWith(SCIM))
                    .body("status", equalTo("400"))
                    .body("scimType", in(List.of("invalidSyntax", "invalidValue", "invalidPath", "noTarget")));
        }
        String valid = user("odd2@acme.example", "Odd Two", null, null);
        for (String body : List.of("[]", "null", "1", "\"text\"", valid.replaceFirst("\"schemas\":\\[[^\\]]*\\],", ""),
                valid.replace("urn:ietf:params:scim:schemas:core:2.0:User\"", "urn:ietf:params:scim:schemas:core:2.0:Group\""),
                valid.replaceFirst("\"schemas\":\\[[^\\]]*\\]", "\"schemas\":\"urn:ietf:params:scim:schemas:core:2.0:User\""),
                valid.replaceFirst("\"schemas\":\\[[^\\]]*\\]", "\"schemas\":[null,1]"),
                valid.replace("\"active\":true", "\"active\":[true]"))) {
            scim(org).body(body).post("/scim/v2/Users").then().statusCode(400).contentType(startsWith(SCIM))
                    .body("scimType", in(List.of("invalidSyntax", "invalidValue")));
            scim(org).body(body).put("/scim/v2/Users/{id}", id).then().statusCode(400).contentType(startsWith(SCIM));
        }
        // a PatchOp without its schema, or another message's
        scim(org).body("{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}").patch("/scim/v2/Users/{id}", id)
                .then().statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim(org).body(user("odd@acme.example", "Odd Bodies", null, null).replace("\"userName\"",
                "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}],\"userName\""))
                .patch("/scim/v2/Users/{id}", id).then().statusCode(400).body("scimType", equalTo("invalidValue"));
        assertEquals(List.of("oneonone.meetings.PersonRegistered"), eventTypes(id));
    }

    /**
     * Each value of valid POST, PUT and PATCH bodies replaced in turn by null, a number, a string, an empty object and
     * an array of null: whatever the SDK or the mapping make of it, the answer is a SCIM answer
     * below 500.
     */
    @Test
    void every_value_of_a_valid_body_replaced_is_never_a_server_error() throws Exception {
        String org = newOrganisation();
        String id = create(org, user("mutant@acme.example", "Mutant Body", "platform", null)).path("id");
        String patch = patch("""
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"mutant@acme.example"},
                {"op":"add","value":{"displayName":"Mutant","active":true}},
                {"op":"remove","path":"urn:oneonone:params:scim:schemas:extension:team:2.0:User:team"}""");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> replacements = List.of(json.nullNode(), json.getNodeFactory().numberNode(1),
                json.getNodeFactory().textNode("x"), json.createObjectNode(), json.createArrayNode().addNull());
        int requests = 0;
        for (String[] request : List.of(new String[] { "POST", user("mutant2@acme.example", "Mutant Two", "platform", id) },
                new String[] { "PUT", user("mutant@acme.example", "Mutant Body", "platform", null) },
                new String[] { "PATCH", patch })) {
            JsonNode valid = json.readTree(request[1]);
            for (String pointer : pointers(valid, "")) {
                for (JsonNode replacement : replacements) {
                    JsonNode mutant = valid.deepCopy();
                    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
                    String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
                    JsonNode container = parent.isEmpty() ? mutant : mutant.at(parent);
                    if (container instanceof ObjectNode object) {
                        object.set(last, replacement);
                    } else {
                        ((ArrayNode) container).set(Integer.parseInt(last), replacement);
                    }
                    RequestSpecification call = scim(org).body(mutant.toString());
                    Response answer = switch (request[0]) {
                        case "POST" -> call.post("/scim/v2/Users");
                        case "PUT" -> call.put("/scim/v2/Users/{id}", id);
                        default -> call.patch("/scim/v2/Users/{id}", id);
                    };
                    requests++;
                    assertTrue(answer.statusCode() < 500, () -> request[0] + " " + pointer + " = " + replacement
                            + " answered " + answer.statusCode() + " " + answer.asString());
                    if (answer.statusCode() >= 400) {
                        answer.then().contentType(startsWith(SCIM)).body("status", equalTo(Integer.toString(answer.statusCode())));
                    }
                }
            }
        }
        assertTrue(requests > 200, "requests sent: " + requests);
    }

    /** The JSON pointers of every value under a node (containers and leaves). */
    private static List<String> pointers(JsonNode node, String at) {
        List<String> found = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                found.add(pointer);
                found.addAll(pointers(object.get(name), pointer));
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                found.add(at + "/" + i);
                found.addAll(pointers(array.get(i), at + "/" + i));
            }
        }
        return found;
    }

    @Test
    void add_on_a_single_valued_attribute_replaces_its_value_as_entra_sends_it() {
        String org = newOrganisation();
        String id = create(org, user("add@acme.example", "Add Me", null, null)).path("id");

        scim(org).body(patch("""
                {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"added@acme.example"},
                {"op":"add","path":"displayName","value":"Added Name"},
                {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"OPS"}"""))
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200)
                .body("emails[0].value", equalTo("added@acme.example")).body("displayName", equalTo("Added Name"))
                .body("'" + ENTERPRISE + "'.department", equalTo("OPS"));
        as(org).get("/people/{id}", id).then().body("email", equalTo("added@acme.example"));
    }

    @Test
    void read_only_and_unknown_paths_are_mutability_and_invalid_path() {
        String org = newOrganisation();
        String id = create(org, user("paths@acme.example", "Paths", null, null)).path("id");
        for (String path : List.of("id", "meta.version", "META", "urn:ietf:params:scim:schemas:core:2.0:User:id")) {
            scim(org).body(patch("{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":\"x\"}"))
                    .patch("/scim/v2/Users/{id}", id).then().statusCode(400).body("scimType", equalTo("mutability"));
        }
        for (String path : List.of("shoeSize", "urn:example:params:scim:schemas:extension:other:User:thing",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:shoeSize")) {
            scim(org).body(patch("{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":\"x\"}"))
                    .patch("/scim/v2/Users/{id}", id).then().statusCode(400).body("scimType", equalTo("invalidPath"));
        }
        scim(org).get("/scim/v2/Users/{id}", id).then().header("ETag", "W/\"1\"");
    }

    @Test
    void each_attribute_of_a_pathless_operation_gets_the_checks_of_its_path() {
        String org = newOrganisation();
        String id = create(org, user("pathless@acme.example", "Path Less", null, null)).path("id");
        for (String value : List.of("{\"nosuch\":1}", "{\"displayName\":\"Fine\",\"nosuch\":1}",
                "{\"" + ENTERPRISE + "\":{\"shoeSize\":1}}", "{\"urn:example:params:scim:schemas:extension:other:User:thing\":1}")) {
            for (String op : List.of("add", "replace")) {
                scim(org).body(patch("{\"op\":\"" + op + "\",\"value\":" + value + "}")).patch("/scim/v2/Users/{id}", id)
                        .then().statusCode(400).body("scimType", equalTo("invalidPath"));
            }
        }
        for (String value : List.of("{\"id\":\"zz\"}", "{\"meta\":{\"version\":\"W/\\\"9\\\"\"}}")) {
            scim(org).body(patch("{\"op\":\"add\",\"value\":" + value + "}")).patch("/scim/v2/Users/{id}", id)
                    .then().statusCode(400).body("scimType", equalTo("mutability"));
        }
        scim(org).get("/scim/v2/Users/{id}", id).then().header("ETag", "W/\"1\"").body("displayName", equalTo("Path Less"));
        // the same attributes known and mutable still apply
        scim(org).body(patch("{\"op\":\"add\",\"value\":{\"displayName\":\"Path Ful\",\"" + ENTERPRISE
                + "\":{\"department\":\"OPS\"}}}")).patch("/scim/v2/Users/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Path Ful")).body("'" + ENTERPRISE + "'.department", equalTo("OPS"));
    }

    @Test
    void values_of_the_wrong_type_are_invalid_value_naming_the_attribute_and_change_nothing() {
        String org = newOrganisation();
        String valid = user("types@acme.example", "Type Checked", null, null);
        for (var body : List.of(List.of(valid.replaceFirst("\"name\":\\{[^}]*\\}", "\"name\":\"str\""), "name"),
                List.of(valid.replace("{\"department\":\"ENG\"}", "\"ENG\""), ENTERPRISE),
                List.of(valid.replace("\"" + TEAM + "\":{}", "\"" + TEAM + "\":[]"), TEAM),
                List.of(valid.replace("\"emails\":[", "\"emails\":[null,"), "emails"))) {
            scim(org).body(body.get(0)).post("/scim/v2/Users").then().statusCode(400)
                    .body("scimType", equalTo("invalidValue")).body("detail", startsWith(body.get(1) + ":"));
        }
        scim(org).queryParam("filter", "userName eq \"types@acme.example\"").get("/scim/v2/Users").then()
                .body("totalResults", equalTo(0));

        String id = create(org, valid).path("id");
        for (var operation : List.of(
                List.of("{\"op\":\"replace\",\"path\":\"name\",\"value\":\"str\"}", "name"),
                List.of("{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":5}]}", "emails.value"),
                List.of("{\"op\":\"replace\",\"path\":\"emails\",\"value\":[null]}", "emails"),
                List.of("{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + "\":\"ENG\"}}", ENTERPRISE))) {
            Response refused = scim(org).body(patch(operation.get(0))).patch("/scim/v2/Users/{id}", id);
            assertEquals(400, refused.statusCode(), operation.get(0) + " answered " + refused.asString());
            assertEquals("invalidValue", refused.path("scimType"), operation.get(0) + " answered " + refused.asString());
            refused.then().body("detail", startsWith(operation.get(1) + ":"));
        }
        scim(org).get("/scim/v2/Users/{id}", id).then().header("ETag", "W/\"1\"")
                .body("emails[0].value", equalTo("types@acme.example"));
        assertEquals(List.of("oneonone.meetings.PersonRegistered"), eventTypes(id));
    }

    @Test
    void a_remove_without_a_path_is_no_target() {
        String org = newOrganisation();
        String id = create(org, user("remove@acme.example", "Remove Me", null, null)).path("id");
        for (String operation : List.of("{\"op\":\"remove\"}", "{\"op\":\"Remove\",\"value\":{\"displayName\":\"x\"}}",
                "{\"op\":\"remove\",\"path\":\"\"}")) {
            scim(org).body(patch(operation)).patch("/scim/v2/Users/{id}", id).then().statusCode(400)
                    .body("scimType", equalTo("noTarget")).body("detail", containsString("path"));
        }
        scim(org).get("/scim/v2/Users/{id}", id).then().header("ETag", "W/\"1\"");
    }

    @Test
    void error_details_speak_of_scim_never_of_the_sdk() {
        String org = newOrganisation();
        String id = create(org, user("words@acme.example", "Plain Words", null, null)).path("id");
        scim(org).body(patch("{\"op\":\"bogus\",\"path\":\"active\",\"value\":false}")).patch("/scim/v2/Users/{id}", id)
                .then().statusCode(400).body("scimType", equalTo("invalidSyntax"))
                .body("detail", equalTo("Operations: op must be add, remove or replace"));
        for (String operation : List.of("{\"op\":\"add\",\"path\":5,\"value\":1}", "{\"op\":\"replace\",\"path\":\"emails\",\"value\":\"x\"}",
                "{\"op\":\"replace\",\"path\":\"active\",\"value\":{\"a\":1}}", "{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":1}",
                "{\"op\":\"add\",\"path\":\"displayName\",\"value\":[1,{}]}", "{\"op\":[\"add\"]}",
                "{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"x\",\"extra\":1}")) {
            String detail = scim(org).body(patch(operation)).patch("/scim/v2/Users/{id}", id).then().statusCode(400)
                    .extract().path("detail");
            for (String internal : List.of("com.", "java.", "Exception", "subtype", "type id", "Cannot ", "Unrecognized")) {
                assertTrue(!detail.contains(internal), operation + " answered " + detail);
            }
        }
        scim(org).queryParam("filter", "userName eq").get("/scim/v2/Users").then().statusCode(400)
                .body("detail", not(containsString("com.")));
    }

    @Test
    void a_filter_may_name_the_schema_and_attributes_parameters_are_accepted() {
        String org = newOrganisation();
        String id = create(org, user("urn@acme.example", "Urn Name", null, null)).path("id");
        list(org, "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"URN@acme.example\"").then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        scim(org).queryParam("filter", "userName eq \"urn@acme.example\"").queryParam("attributes", "userName")
                .get("/scim/v2/Users").then().statusCode(200).body("Resources[0].userName", equalTo("urn@acme.example"));
        scim(org).queryParam("excludedAttributes", "groups").get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(1));
        scim(org).queryParam("attributes", "userName").queryParam("excludedAttributes", "groups")
                .get("/scim/v2/Users/{id}", id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void a_user_deleted_today_can_be_provisioned_again_with_its_id() {
        String org = newOrganisation();
        String id = create(org, user("again@acme.example", "Again Soon", null, null)).path("id");
        scim(org).delete("/scim/v2/Users/{id}", id).then().statusCode(204);

        Response again = scim(org).body(user("again@acme.example", "Again Back", null, null)).post("/scim/v2/Users");

        again.then().statusCode(201).body("id", equalTo(id)).body("active", equalTo(true))
                .body("displayName", equalTo("Again Back"));
        assertEquals(List.of("oneonone.meetings.PersonRegistered", "oneonone.meetings.EmploymentEnded",
                "oneonone.meetings.EmploymentEndWithdrawn", "oneonone.meetings.PersonDetailsChanged"), eventTypes(id));
        as(org).get("/people/{id}", id).then().statusCode(200).body("lastDay", nullValue());
        scim(org).get("/scim/v2/Users/{id}", id).then().statusCode(200);
        list(org, "userName eq \"again@acme.example\"").then().body("totalResults", equalTo(1));
        assertNotEquals(again.header("ETag"), "W/\"1\"");
        // matched by externalId as well, even under a new userName
        scim(org).delete("/scim/v2/Users/{id}", id).then().statusCode(204);
        String renamed = user("again@acme.example", "Again Back", null, null).replace("\"userName\":\"again@acme.example\"",
                "\"userName\":\"again.renamed@acme.example\"");
        scim(org).body(renamed).post("/scim/v2/Users").then().statusCode(201).body("id", equalTo(id))
                .body("userName", equalTo("again.renamed@acme.example"));
    }

    // --- helpers

    static RequestSpecification scim(String org) {
        return given().contentType(SCIM).accept(SCIM).auth().oauth2(integrationToken(org));
    }

    static Response create(String org, String body) {
        Response created = scim(org).body(body).post("/scim/v2/Users");
        created.then().statusCode(201);
        return created;
    }

    static Response list(String org, String filter) {
        return scim(org).queryParam("filter", filter).get("/scim/v2/Users");
    }

    /** An Okta-style User: name parts, a primary work email, the enterprise extension and the team extension. */
    static String user(String userName, String name, String team, String managerId) {
        String[] parts = name.split(" ", 2);
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s","%s"],
                 "userName":"%s","externalId":"ext-%s",
                 "name":{"givenName":"%s","familyName":"%s"},
                 "emails":[{"value":"%s","type":"work","primary":true}],
                 "active":true,
                 "%s":{"department":"ENG"%s},
                 "%s":{%s}}""".formatted(ENTERPRISE, TEAM, userName, userName, parts[0], parts.length > 1 ? parts[1] : "",
                userName, ENTERPRISE, managerId == null ? "" : ",\"manager\":{\"value\":\"" + managerId + "\"}",
                TEAM, team == null ? "" : "\"team\":\"" + team + "\"");
    }

    static String patch(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}";
    }

    static String newOrganisation() {
        return "scim-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void provisionedEarlier(String org, UUID personId, String userName) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "insert into scim_identity (person_id, organisation_id, user_name, created_at, modified_at) "
                        + "values (?, ?, ?, now() - interval '30 days', now() - interval '30 days')")) {
            q.setObject(1, personId);
            q.setString(2, org);
            q.setString(3, userName);
            q.executeUpdate();
        }
    }

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }

    private List<String> eventTypes(String stream) {
        return rows("select event_type from event where stream_id = ? order by version", stream);
    }

    private List<String> rows(String sql, String stream) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, UUID.fromString(stream));
            try (ResultSet rs = q.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
