package dev.oneonone.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

import io.restassured.response.Response;

/**
 * Webhooks on the packaged suite: an integration subscribes to a meetings and an agenda event type, and a receiver
 * outside the suite (the JDK's HTTP server) gets them signed, checked with the Standard Webhooks reference library,
 * with the CloudEvent as on Kafka and no 1:1 text. Service logs: {@code target/e2e-logs/}.
 */
@ExtendWith(RunningSuite.Shared.class)
class WebhooksEndToEndTest {
    private static final String ORGANISATION = "e2e-hooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the receiver got it: the library's verdict with the endpoint's secret, and the body. */
    private record Received(boolean verified, String body) {
    }

    private static SuiteClient client;
    private static HttpServer receiver;
    private static volatile String secret;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startReceiver(RunningSuite running) throws IOException {
        client = running.client(ORGANISATION);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean verified;
            try {
                new Webhook(secret).verify(body, exchange.getRequestHeaders());
                verified = true;
            } catch (Exception e) {
                verified = false;
            }
            RECEIVED.add(new Received(verified, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anIntegrationReceivesMeetingsAndAgendaEventsSignedWithoutOneOnOneText() throws Exception {
        Response endpoint = client.webhooks().body(Map.of("url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "eventTypes",
                List.of("oneonone.meetings.SeriesStarted", "oneonone.meetings.MeetingScheduled",
                        "oneonone.agenda.TopicAdded"))).post("/webhooks/endpoints");
        assertEquals(201, endpoint.statusCode(), endpoint::asString);
        secret = endpoint.jsonPath().getString("secret");

        UUID leaderId = UUID.randomUUID();
        UUID companionId = UUID.randomUUID();
        Response series = client.startSeries("""
                {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT",
                 "cadence": "WEEKLY", "timeZone": "Europe/Berlin"}
                """.formatted(leaderId, companionId));
        assertEquals(201, series.statusCode(), series::asString);
        String seriesId = series.jsonPath().getString("id");
        Instant at = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Response meeting = client.scheduleMeeting(seriesId, series.header("ETag"), "{\"scheduledFor\": \"" + at + "\"}");
        assertEquals(201, meeting.statusCode(), meeting::asString);
        String meetingId = meeting.jsonPath().getString("id");
        String title = "Private worry " + UUID.randomUUID();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> client
                .addTopic(meetingId, companionId, "{\"title\":\"" + title + "\",\"kind\":\"CAREER\"}").statusCode() == 201);

        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> types().containsAll(List.of(
                "oneonone.meetings.SeriesStarted", "oneonone.meetings.MeetingScheduled", "oneonone.agenda.TopicAdded")));
        assertTrue(RECEIVED.stream().allMatch(Received::verified), "every request verifies with the library");
        assertFalse(RECEIVED.stream().anyMatch(one -> one.body().contains(title)), "no 1:1 text leaves the suite");
        JsonNode topic = RECEIVED.stream().map(WebhooksEndToEndTest::json)
                .filter(body -> body.get("type").asText().equals("oneonone.agenda.TopicAdded")).findFirst().orElseThrow();
        assertEquals(meetingId, topic.at("/data/meetingId").asText());
        assertEquals(ORGANISATION, topic.get("organisation").asText());
        assertEquals("/agenda-service", topic.get("source").asText());

        // the meeting's agenda also got the first-meeting template's topics: each a TopicAdded, sent in its order
        String endpointId = endpoint.jsonPath().getString("endpoint.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> client.webhooks()
                .get("/webhooks/endpoints/{id}/deliveries", endpointId).jsonPath().getList("items.status").stream()
                .allMatch("DELIVERED"::equals));
        List<JsonNode> topics = RECEIVED.stream().map(WebhooksEndToEndTest::json)
                .filter(body -> body.get("type").asText().equals("oneonone.agenda.TopicAdded")).toList();
        assertEquals(topics.stream().map(body -> body.get("aggregateversion").asLong()).sorted().toList(),
                topics.stream().map(body -> body.get("aggregateversion").asLong()).toList(), "in the agenda's order");
        assertTrue(RECEIVED.stream().allMatch(Received::verified), "every request verifies with the library");
    }

    private static List<String> types() {
        return RECEIVED.stream().map(one -> json(one).get("type").asText()).toList();
    }

    private static JsonNode json(Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + received.body(), e);
        }
    }
}
