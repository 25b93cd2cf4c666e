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
        as(ORG).get("/series/{id}/meetings", series).then().statusCode(200).body("size()", equalTo(0));
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
        as(ORG).get("/series/{id}/meetings", series).then().statusCode(200).body("[0].status", equalTo("SCHEDULED"));
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

    /** Sends the bytes as they are and reads the answer until the server closes or 5 s pass. */
    private String raw(String request) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
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

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
