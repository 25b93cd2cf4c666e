package dev.oneonone.agenda.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The served OpenAPI document gives an integrator an example for every answer with a body, and documents the API standards. */
@QuarkusTest
class OpenApiExamplesTest {

    @Test
    void every_response_with_a_body_has_an_example() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                        JsonNode content = media.getValue();
                        if (!content.has("example") && !content.has("examples")) {
                            missing.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey()
                                    + " " + media.getKey());
                        }
                    }
                }
            }
        }
        assertTrue(operations >= 16, "operations documented: " + operations);
        assertEquals(List.of(), missing);
    }

    @Test
    void creates_document_the_idempotency_key_and_changes_the_if_match() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().extract().asString()).path("paths");
        for (String create : List.of("/meetings/{meetingId}/topics", "/meetings/{meetingId}/notes", "/templates",
                "/meetings/{meetingId}/templates/{templateId}/application", "/meetings/{meetingId}/agreements",
                "/imports/agenda-history")) {
            assertTrue(paths.path(create).path("post").path("parameters").toString().contains("Idempotency-Key"), create);
        }
        assertTrue(paths.path("/notes/{noteId}").path("put").path("parameters").toString().contains("If-Match"));
        assertTrue(paths.path("/meetings/{meetingId}/topics/order").path("put").path("parameters").toString()
                .contains("If-Match"));
        assertTrue(paths.path("/agreements/{agreementId}/completion").path("post").path("parameters").toString()
                .contains("If-Match"));
        assertTrue(paths.path("/agreements/{agreementId}/drop").path("post").path("parameters").toString()
                .contains("If-Match"));
        assertTrue(paths.path("/agreements/{agreementId}/due-date").path("put").path("parameters").toString()
                .contains("If-Match"));
    }
}
