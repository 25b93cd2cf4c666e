package dev.oneonone.meetings.application.webhooks;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * With {@code meetings.webhooks.allow-private-addresses} off, as in production: endpoint URLs whose host is a
 * loopback, link-local, private or unspecified address are refused (422, field url) on registration and on change,
 * and an endpoint whose host has come to resolve to one (here: its URL moved to localhost behind the API's back, as a
 * DNS change would) is not sent to; its attempts are recorded as ADDRESS_REFUSED.
 */
@QuarkusTest
@TestProfile(WebhookAddressPolicyTest.PrivateAddressesRefused.class)
class WebhookAddressPolicyTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static SigningReceiver receiver;

    /** The production setting. */
    public static class PrivateAddressesRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("meetings.webhooks.allow-private-addresses", "false");
        }
    }

    @Inject
    Pool pool;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new SigningReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void urls_of_the_services_own_networks_are_refused_field_by_field_and_nothing_is_registered() {
        String org = organisation();
        for (String url : List.of("http://127.0.0.1:8081/x", "http://localhost/x", "https://10.1.2.3/x",
                "https://172.20.0.5/x", "https://192.168.0.10/x", "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/x", "http://[::1]/x", "https://[fd00::7]/x", "https://[fe80::1]/x",
                "https://[::ffff:10.0.0.1]/x")) {
            as(org).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("url", url))
                    .post("/webhooks/endpoints").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/address-not-public"))
                    .body("errors[0].field", equalTo("url"));
        }
        as(org).get("/webhooks/endpoints").then().statusCode(200).body("items", empty());

        String endpoint = as(org).body(Map.of("url", "https://203.0.113.7/hooks")).post("/webhooks/endpoints").then()
                .statusCode(201).extract().path("endpoint.id");
        as(org).body(Map.of("url", "https://192.168.1.1/hooks")).patch("/webhooks/endpoints/{id}", endpoint).then()
                .statusCode(422).body("errors[0].field", equalTo("url"));
        as(org).get("/webhooks/endpoints/{id}", endpoint).then().statusCode(200)
                .body("url", equalTo("https://203.0.113.7/hooks")).header("ETag", "\"1\"");
        as(org).get("/webhooks/endpoints").then().statusCode(200).body("items.id", contains(endpoint));
    }

    @Test
    void an_endpoint_whose_host_now_resolves_to_a_private_address_is_not_sent_to() {
        String org = organisation();
        String path = "/" + org;
        String endpoint = as(org).body(Map.of("url", "https://203.0.113.7/hooks",
                        "eventTypes", List.of("oneonone.meetings.SeriesStarted")))
                .post("/webhooks/endpoints").then().statusCode(201).extract().path("endpoint.id");
        // what a DNS change does to a registered name: its address is now this machine's
        pool.preparedQuery("update webhook_endpoint set url = $2 where endpoint_id = $1")
                .execute(Tuple.of(UUID.fromString(endpoint), receiver.url(path).replace("127.0.0.1", "localhost")))
                .await().atMost(WAIT);

        startWeeklySeries(org);

        Awaitility.await().atMost(WAIT).until(() -> {
            List<Object> attempts = deliveries(org, endpoint).getList("items[0].attempts");
            return attempts != null && attempts.size() >= 2;
        });
        JsonPath log = deliveries(org, endpoint);
        List<String> failures = log.getList("items[0].attempts.failure");
        assertEquals(List.of("ADDRESS_REFUSED"), failures.stream().distinct().toList(), failures.toString());
        assertEquals(0, receiver.at(path).size(), "nothing reached the receiver");
    }

    private static JsonPath deliveries(String org, String endpoint) {
        return as(org).get("/webhooks/endpoints/{id}/deliveries", endpoint).then().statusCode(200).extract().jsonPath();
    }

    private static String organisation() {
        return "addr-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
