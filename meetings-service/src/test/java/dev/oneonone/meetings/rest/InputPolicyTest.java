package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oneonone.kit.openapi.OpenApiResponses;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The suite's input policy (docs/api-standards.md) as a careless or hostile client meets it: 4xx problem details, nothing stored. */
@QuarkusTest
class InputPolicyTest {
    private static final String ORG = "input-policy";
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI base;

    private static String person(String name) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"email\":\"p" + UUID.randomUUID()
                + "@acme.example\"}";
    }

    private static void refused(String path, String json, String field, String reason) {
        as(path.startsWith("/series/") ? ORG : ORG + "-nothing").body(json).post(path).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://oneonone.dev/problems/invalid-input"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].reason", equalTo(reason));
    }

    @Test
    void text_rules_name_the_field() {
        refused("/people", person("a\\u0000b"), "name", "control-character");
        refused("/people", person("\\u0000"), "name", "control-character");
        refused("/people", person("Ada\\nLovelace"), "name", "line-break");
        refused("/people", person("\\u200B\\uFEFF"), "name", "invisible-only");
        refused("/people", person("Ada\\uD800"), "name", "unpaired-surrogate");
        as(ORG + "-nothing").get("/people").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void scalars_are_not_coerced_and_unknown_fields_are_refused() {
        String series = "{\"leaderId\":\"" + UUID.randomUUID() + "\",\"companionId\":\"" + UUID.randomUUID()
                + "\",\"relationship\":\"MANAGER_REPORT\",\"cadence\":\"WEEKLY\",\"timeZone\":%s%s}";
        refused("/series", series.formatted("42", ""), "timeZone", "not-a-string");
        refused("/series", series.formatted("\"UTC\"", ",\"relationsip\":\"PEER\""), "relationsip", "unknown-field");
        refused("/series", series.replace("\"MANAGER_REPORT\"", "1").formatted("\"UTC\"", ""), "relationship", "wrong-type");
        refused("/series", series.formatted("\"UTC\"", ",\"timeZone\":\"Europe/Paris\""), "timeZone", "duplicate-key");
        refused("/series", series.formatted("\"UTC\"", ",\"leaderId\":null"), "leaderId", "duplicate-key");
        as(ORG + "-nothing").get("/series").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+1000000000-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "+10000-01-01T09:00:00Z",
            "1899-12-31T23:59:59Z" })
    void instants_outside_the_years_1900_to_2200_are_refused(String instant) {
        String series = startWeeklySeries(ORG);
        refused("/series/" + series + "/meetings", "{\"scheduledFor\":\"" + instant + "\"}", "scheduledFor", "date-out-of-range");
        refused("/series/" + series + "/meetings", "{\"scheduledFor\":1764579600}", "scheduledFor", "not-an-iso-date");
        as(ORG).get("/series/{id}/meetings", series).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void a_duplicated_key_in_a_cancel_is_refused_naming_the_key() {
        String series = startWeeklySeries(ORG);
        String meeting = scheduleMeeting(ORG, series, nextWeek()).statusCode(201).extract().path("id");

        as(ORG).body("{\"reason\":\"OTHER\",\"reason\":\"ILLNESS\"}")
                .post("/series/{id}/meetings/{m}/cancel", series, meeting).then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].reason", equalTo("duplicate-key"));
        as(ORG).get("/series/{id}/meetings", series).then().statusCode(200).body("items[0].status", equalTo("SCHEDULED"));
    }

    @Test
    void truncated_json_is_malformed_json() {
        as(ORG).body("{\"leaderId\":\"" + UUID.randomUUID() + "\",\"cadence\":\"WEE").post("/series").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://oneonone.dev/problems/malformed-json"));
        as(ORG).body("{").post("/series").then().statusCode(400)
                .body("type", equalTo("https://oneonone.dev/problems/malformed-json"));
    }

    @Test
    void a_token_whose_org_is_not_a_string_is_403_and_a_numeric_subject_is_refused() {
        for (Object org : List.of(List.of("acme", "other"), 42, Map.of("id", "acme"))) {
            String token = SuiteInfrastructure.signingKey().mintClaims(
                    Map.of("org", org, "sub", "integration-x", "groups", List.of("integration")), Duration.ofMinutes(5));
            with(token).get("/series").then().statusCode(403).contentType(PROBLEM);
        }
        String numericSubject = SuiteInfrastructure.signingKey().mintClaims(
                Map.of("org", ORG, "sub", 42, "groups", List.of("integration")), Duration.ofMinutes(5));
        // smallrye-jwt itself refuses a token whose sub is not a string, as not valid (Caller.of would answer 403)
        with(numericSubject).get("/series").then().statusCode(401).contentType(PROBLEM);
    }

    private static void badParameter(String pathAndQuery, String field, String reason, String message) {
        as(ORG).urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://oneonone.dev/problems/invalid-input"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].reason", equalTo(reason))
                .body("errors[0].message", equalTo(message));
    }

    @Test
    void query_parameters_that_cannot_be_converted_are_400_naming_the_parameter() {
        String series = startWeeklySeries(ORG);
        String number = "must be a whole number";
        badParameter("/people?limit=abc", "limit", "not-a-whole-number", number);
        badParameter("/people?limit=1.5", "limit", "not-a-whole-number", number);
        badParameter("/people?limit=%EF%BC%95", "limit", "not-a-whole-number", number); // a full-width digit five
        badParameter("/series?limit=%2B5", "limit", "not-a-whole-number", number);
        badParameter("/series?limit=99999999999", "limit", "not-a-whole-number",
                "must be a whole number between -2147483648 and 2147483647");
        badParameter("/meetings?limit=ten", "limit", "not-a-whole-number", number);
        badParameter("/series/" + series + "/meetings?limit=x", "limit", "not-a-whole-number", number);
        String id = "must be an id of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hex digits)";
        badParameter("/meetings?personId=xyz", "personId", "not-an-id", id);
        badParameter("/meetings?seriesId=1-1-1-1-1", "seriesId", "not-an-id", id); // UUID.fromString alone takes it
        badParameter("/people?managerId=" + series + "0", "managerId", "not-an-id", id);
        badParameter("/people?employed=maybe", "employed", "not-a-boolean", "must be true or false");
        badParameter("/people?employed=TRUE", "employed", "not-a-boolean", "must be true or false");
        badParameter("/people?employed=1", "employed", "not-a-boolean", "must be true or false");

        as(ORG).get("/people?limit=5&employed=true").then().statusCode(200);
        as(ORG).get("/people?employed=false").then().statusCode(200);
        as(ORG).get("/people?limit=&employed=").then().statusCode(200); // an empty value is as if absent
        as(ORG).get("/meetings?seriesId=" + series.toUpperCase()).then().statusCode(200);
        as(ORG).get("/people?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit")); // Bean Validation
        // a path parameter that is not an id names nothing there: 404, not 400
        as(ORG).get("/series/not-a-uuid").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://oneonone.dev/problems/not-found"));
    }

    @Test
    void query_parameters_with_control_characters_or_broken_escapes_are_refused() {
        as(ORG).urlEncodingEnabled(false).get("/series?after=a%00b").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("after"))
                .body("errors[0].reason", equalTo("control-character"));
        String broken = raw("GET /series?limit=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + MeetingsApi.integrationToken(ORG) + "\r\nConnection: close\r\n\r\n");
        // refused by the HTTP layer before any route or filter runs: a 400 without a body (docs/api-standards.md)
        assertTrue(broken.startsWith("HTTP/1.1 400"), broken);
    }

    @Test
    void a_chunked_body_over_the_limit_is_413_and_stores_nothing() {
        byte[] body = ("{\"leaderId\":\"" + UUID.randomUUID() + "\",\"timeZone\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/series"))
                .header("Authorization", "Bearer " + MeetingsApi.integrationToken(ORG + "-chunked"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("body-too-large"), answer.body());
        as(ORG + "-chunked").get("/series").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void a_chunked_body_within_the_limit_is_read() {
        String body = "{\"leaderId\":\"" + UUID.randomUUID() + "\",\"companionId\":\"" + UUID.randomUUID()
                + "\",\"relationship\":\"MANAGER_REPORT\",\"cadence\":\"WEEKLY\",\"timeZone\":\"UTC\"}";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/series"))
                .header("Authorization", "Bearer " + MeetingsApi.integrationToken(ORG))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))));

        assertEquals(201, answer.statusCode(), answer.body());
    }

    @Test
    void a_body_over_the_http_layers_cap_is_413_before_anything_reads_it() {
        String answer = raw("POST /series HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + MeetingsApi.integrationToken(ORG) + "\r\nContent-Length: " + (21 * 1024 * 1024) + "\r\n\r\n{");
        // Quarkus's root handler answers a declared length over quarkus.http.limits.max-body-size before any route:
        // a 413 without a body (docs/api-standards.md); under that cap the API's own limits answer problem details
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    }

    @Test
    void a_uri_over_8_kib_is_414_and_headers_over_16_kib_are_431_as_problems() {
        HttpResponse<String> uri = send(HttpRequest.newBuilder(base.resolve("/series?after=" + "a".repeat(9_000)))
                .header("Authorization", "Bearer " + MeetingsApi.integrationToken(ORG)).GET());
        assertEquals(414, uri.statusCode(), uri.body());
        assertEquals(PROBLEM, uri.headers().firstValue("Content-Type").orElse(""));
        assertTrue(uri.body().contains("uri-too-long"), uri.body());

        String person = person("Too Many Headers");
        HttpResponse<String> headers = send(HttpRequest.newBuilder(base.resolve("/people"))
                .header("Authorization", "Bearer " + MeetingsApi.integrationToken(ORG + "-headers"))
                .header("Content-Type", "application/json").header("X-Padding", "p".repeat(17_000))
                .POST(HttpRequest.BodyPublishers.ofString(person)));
        assertEquals(431, headers.statusCode(), headers.body());
        assertEquals(PROBLEM, headers.headers().firstValue("Content-Type").orElse(""));
        assertTrue(headers.body().contains("headers-too-large"), headers.body());
        as(ORG + "-headers").get("/people").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void beyond_the_http_codecs_limits_the_answer_stays_bare() {
        // quarkus.http.limits.max-initial-line-length (64 KiB): Netty answers before any route (docs/api-standards.md)
        String answer = raw("GET /series?after=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        // Vert.x answers in HTTP/1.0, having not read the version, with the status alone
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] 414 .*"), answer);
        assertTrue(!answer.contains("problem+json"), answer);
    }

    @Test
    void an_idempotency_key_outside_visible_ascii_is_refused_and_nothing_is_stored() {
        byte[] body = person("Schluessel Person").getBytes(StandardCharsets.UTF_8);
        // the key's UTF-8 bytes as they are (the JDK client would send "schl?ssel", which is a valid key)
        byte[] head = ("POST /people HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + MeetingsApi.integrationToken(ORG + "-key") + "\r\nIdempotency-Key: schl\u00fcssel\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        String answer = raw(concat(head, body));
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains(PROBLEM), answer);
        assertTrue(answer.contains("\"field\":\"Idempotency-Key\""), answer);
        as(ORG + "-key").get("/people").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void a_body_that_is_not_well_formed_utf8_is_malformed_json_and_nothing_is_stored() {
        // C0 AF is an over-long "/": Jackson alone would read "Ada/Lovelace"
        byte[] body = concat(concat("{\"id\":\"".concat(UUID.randomUUID().toString())
                .concat("\",\"name\":\"Ada").getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC0, (byte) 0xAF }),
                ("Lovelace\",\"email\":\"ada" + UUID.randomUUID() + "@acme.example\"}").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/people"))
                .header("Authorization", "Bearer " + MeetingsApi.integrationToken(ORG + "-utf8"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("malformed-json") && answer.body().contains("UTF-8"), answer.body());
        as(ORG + "-utf8").get("/people").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void ids_and_instants_are_read_strictly() {
        String series = startWeeklySeries(ORG);
        // Jackson alone trims an id ("\u0000" was no id at all) and reads a string of digits as epoch milliseconds
        refused("/series/" + series + "/meetings", "{\"scheduledFor\":\"1000\"}", "scheduledFor", "not-an-iso-date");
        with(MeetingsApi.personToken(ORG, UUID.randomUUID())).body("{\"seriesId\":\"\\u0000\"}").post("/calendar/feeds").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("seriesId"))
                .body("errors[0].reason", equalTo("not-an-id"));
        as(ORG).get("/series/{id}/meetings", series).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void what_a_careless_client_sent_after_the_first_policy_is_refused_too() {
        String series = startWeeklySeries(ORG);
        // Jackson's readers trim control characters and spaces around a time; a time of day is never an array
        refused("/series/" + series + "/meetings", "{\"scheduledFor\":\"2027-01-05T09:00:00Z\\u0000\"}", "scheduledFor",
                "not-an-iso-date");
        refused("/series/" + series + "/meetings", "{\"scheduledFor\":\"2027-01-05T09:00:00Z\\t\"}", "scheduledFor",
                "not-an-iso-date");
        String start = "{\"leaderId\":\"" + UUID.randomUUID() + "\",\"companionId\":\"" + UUID.randomUUID()
                + "\",\"relationship\":\"MANAGER_REPORT\",\"cadence\":\"WEEKLY\",\"timeZone\":\"UTC\",\"preferredTime\":%s}";
        refused("/series", start.formatted("[10,0]"), "preferredTime", "not-an-iso-date");
        refused("/series", start.formatted("\"10:00\\u0000\""), "preferredTime", "not-an-iso-date");
        // a number too large for its field is named, not "malformed JSON"
        refused("/series", start.formatted("\"10:00\"").replace("\"timeZone\"", "\"plannedMinutes\":99999999999999999999,\"timeZone\""),
                "plannedMinutes", "wrong-type");
        // an e-mail address with a hidden format character is not another address
        refused("/people", "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Ada\",\"email\":\"ada@acme.example\\u200B\"}",
                "email", "format-character");
        // a body in UTF-16 is not UTF-8, however well Jackson would guess it
        HttpResponse<String> utf16 = send(HttpRequest.newBuilder(base.resolve("/people"))
                .header("Authorization", "Bearer " + MeetingsApi.integrationToken(ORG + "-utf16"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        person("Ada").getBytes(java.nio.charset.StandardCharsets.UTF_16LE))));
        assertEquals(400, utf16.statusCode(), utf16.body());
        assertTrue(utf16.body().contains("malformed-json"), utf16.body());
        as(ORG + "-utf16").get("/people").then().statusCode(200).body("items.size()", equalTo(0));
        // If-Match is a quoted version (weak allowed): unquoted and unbalanced values change nothing
        for (String ifMatch : List.of("1", "\"+01", "\"01\"", "\"1\", \"2\"")) {
            as(ORG).header("If-Match", ifMatch).body("{\"scheduledFor\":\"" + nextWeek() + "\"}")
                    .post("/series/{id}/meetings", series).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("If-Match"));
        }
        as(ORG).get("/series/{id}/meetings", series).then().statusCode(200).body("items.size()", equalTo(0));
        // the administration takes only a token with a valid organisation
        String arrayOrg = SuiteInfrastructure.signingKey().mintClaims(
                Map.of("org", List.of(ORG), "sub", "integration-x", "groups", List.of("integration")), Duration.ofMinutes(5));
        with(arrayOrg).post("/admin/projections/rebuild").then().statusCode(403).contentType(PROBLEM);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private String raw(String request) {
        return raw(request.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the bytes as they are and reads the answer until the server closes or 5 s pass. */
    private String raw(byte[] request) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException enough) {
                // what came is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sent with java.net.http (raw bytes, chunked bodies, over-long URIs), and checked against the OpenAPI document. */
    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> answer;
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        OpenApiResponses.check(request, answer);
        return answer;
    }
}
