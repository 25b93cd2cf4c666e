package dev.oneonone.insights.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for meetings-service's {@code POST /people/lookup} in this service's tests, which run no meetings-service
 * (the real endpoint is tested in meetings-service's PeopleLookupTest). Answers like the real one, CORS preflight
 * included, with names made from what is asked: every person is {@code "Name of <first 8 of the id>"}, every team
 * {@code "<Code> crew"}; departments have no name, so the page shows their code. Requests without a bearer token get
 * 401. Its URL becomes {@code insights.dashboard.directory-url}.
 */
@QuarkusTestResource(DirectoryStub.class)
public class DirectoryStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    /** The name the stub gives a person. */
    public static String nameOf(Object personId) {
        return "Name of " + personId.toString().substring(0, 8);
    }

    /** The name the stub gives a team. */
    public static String teamName(String code) {
        return code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT) + " crew";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the directory stub", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/people/lookup", DirectoryStub::lookup);
        server.start();
        return Map.of("insights.dashboard.directory-url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void lookup(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Vary", "Origin");
        }
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Authorization,Content-Type,Accept");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!exchange.getRequestMethod().equals("POST") || authorization == null || !authorization.startsWith("Bearer ")) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        if (request.path("ids").isEmpty() && request.path("groups").isEmpty()) {
            exchange.sendResponseHeaders(400, -1); // as meetings-service: ids or groups, not neither
            exchange.close();
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode people = answer.putArray("people");
        request.path("ids").forEach(id -> people.addObject().put("id", id.asText()).put("name", nameOf(id.asText()))
                .putNull("team").putNull("department"));
        ArrayNode groups = answer.putArray("groups");
        request.path("groups").forEach(group -> {
            String[] parts = group.asText().split(":", 2);
            if (parts[0].equals("team")) {
                groups.addObject().put("kind", "team").put("code", parts[1]).put("name", teamName(parts[1]));
            }
        });
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
