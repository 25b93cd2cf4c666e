package dev.oneonone.meetings.application.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * An integrator's receiver for the tests: a small Vert.x HTTP server on a free port that checks every request with
 * the Standard Webhooks library's {@code verify} against the secrets the test registered for its path, records it,
 * and answers what the path's behaviour says for its n-th request (200 unless told otherwise).
 */
final class SigningReceiver implements AutoCloseable {

    /** One request as received, and whether the library verified it with the path's secrets. */
    record Received(String path, String id, String timestamp, String signature, String body, boolean verified,
            int answered) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, IntUnaryOperator> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    SigningReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
            String path = request.path();
            String body = buffer.toString();
            Map<String, List<String>> headers = new java.util.HashMap<>();
            request.headers().forEach(header -> headers.computeIfAbsent(header.getKey().toLowerCase(),
                    name -> new ArrayList<>()).add(header.getValue()));
            boolean verified = !secrets.getOrDefault(path, List.of()).isEmpty();
            for (String secret : secrets.getOrDefault(path, List.of())) {
                verified &= verifies(secret, body, headers);
            }
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = behaviours.getOrDefault(path, ignored -> 200).applyAsInt(n);
            received.add(new Received(path, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                    request.getHeader("webhook-signature"), body, verified, status));
            request.response().setStatusCode(status).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The URL of a path on this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Every request to the path must verify with each of these secrets. */
    void expectSecrets(String path, List<String> pathSecrets) {
        secrets.put(path, List.copyOf(pathSecrets));
    }

    /** The status the path answers to its n-th request (1 for the first). */
    void answer(String path, IntUnaryOperator statusOfNthRequest) {
        behaviours.put(path, statusOfNthRequest);
    }

    List<Received> at(String path) {
        return received.stream().filter(one -> one.path().equals(path)).toList();
    }

    /** True when the library verifies the request with this secret alone. */
    static boolean verifies(String secret, Received request) {
        return verifies(secret, request.body(), Map.of("webhook-id", List.of(request.id()),
                "webhook-timestamp", List.of(request.timestamp()), "webhook-signature", List.of(request.signature())));
    }

    private static boolean verifies(String secret, String body, Map<String, List<String>> headers) {
        try {
            new Webhook(secret).verify(body, headers);
            return true;
        } catch (WebhookVerificationException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
