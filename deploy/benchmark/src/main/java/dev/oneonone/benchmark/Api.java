package dev.oneonone.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.local.LocalSigningKey;

/** The services' REST APIs for one organisation, each call with the token of the role that makes it. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    /** An answer: status, body and the ETag header (null when absent). */
    record Answer(int status, String body, String etag) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    /** Answers 429 (rate limited) to any call of the run: none, with the local profile's budgets. */
    private static final java.util.concurrent.atomic.AtomicLong RATE_LIMITED = new java.util.concurrent.atomic.AtomicLong();
    /** The RateLimit-Policy of the last answer that had one. */
    private static volatile String lastPolicy = "none seen";

    private final HttpClient http;
    private final SuiteTarget suite;
    final String organisation;
    final String integration;
    final String hr;

    Api(HttpClient http, SuiteTarget suite, String organisation) {
        this.http = http;
        this.suite = suite;
        this.organisation = organisation;
        LocalSigningKey key = suite.signingKey();
        this.integration = key.mint(organisation, "integration-" + organisation, List.of("integration"), TOKEN_LIFETIME);
        this.hr = key.mint(organisation, UUID.randomUUID().toString(), List.of("hr"), TOKEN_LIFETIME);
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** POST /series on meetings-service: a weekly series between two new people. */
    Answer startSeries() {
        return send(post(suite.meetingsUrl() + "/series", integration, """
                {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT", "cadence": "WEEKLY",
                 "timeZone": "UTC"}""".formatted(UUID.randomUUID(), UUID.randomUUID())).build());
    }

    /** POST /series/{id}/meetings with If-Match. */
    Answer schedule(String seriesId, String etag, java.time.Instant at) {
        HttpRequest.Builder request = post(suite.meetingsUrl() + "/series/" + seriesId + "/meetings", integration,
                "{\"scheduledFor\": \"" + at + "\"}");
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return send(request.build());
    }

    Answer meetingsPost(String path, Object body) {
        return send(post(suite.meetingsUrl() + path, integration, write(body)).build());
    }

    Answer meetingsGet(String path) {
        return send(get(suite.meetingsUrl() + path, integration));
    }

    Answer insightsGet(String path) {
        return send(get(suite.insightsUrl() + path, hr));
    }

    /** GET on insights-service with the given token. */
    Answer insightsGetAs(String path, String token) {
        return send(get(suite.insightsUrl() + path, token));
    }

    /** A token of role person for {@code person} of this organisation. */
    String personToken(String person) {
        return suite.signingKey().mint(organisation, person, List.of("person"), TOKEN_LIFETIME);
    }

    Answer insightsAdmin(boolean start) {
        String url = suite.insightsUrl() + "/admin/projections/replay";
        return send(start ? post(url, integration, "").build() : get(url, integration));
    }

    private static HttpRequest.Builder post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                RATE_LIMITED.incrementAndGet();
            }
            response.headers().firstValue("RateLimit-Policy").ifPresent(policy -> lastPolicy = policy);
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** For the table's notes: the answers refused as over a rate limit budget, and the last policy answered. */
    static String rateLimitNote() {
        return "rate limits: " + RATE_LIMITED.get() + " answers 429 (rate-limited); last RateLimit-Policy " + lastPolicy
                + " (the local profile's budgets, which no run reaches)";
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
