package dev.oneonone.kit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.kit.fuzz.FuzzRequest.Kind;

/**
 * Drives write operations with malformed requests from {@link MalformedRequests} and checks each answer: not 5xx
 * but 4xx, a body of type {@code application/problem+json} whose {@code status} is the answer's, and no new row in
 * the service's {@code event} table. After an operation's malformed requests, its valid request is sent once and
 * must succeed, which shows the refusals came from the malformed part.
 *
 * <p>Settings (system properties): {@code fuzz.requests} malformed requests per operation (default 100),
 * {@code fuzz.seed} the seed (default 20261129; each operation's generator is seeded from it and the operation's
 * name, so a failure is reproduced by running again with the seed printed).
 */
public final class FuzzSuite {
    public static final int DEFAULT_REQUESTS = 100;
    public static final long DEFAULT_SEED = 20261129L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final LongSupplier lastEventPosition;
    private final int requestsPerOperation = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    private final long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong sent = new AtomicLong();
    private final Map<Kind, Integer> sentByKind = new EnumMap<>(Kind.class);

    /**
     * @param base the service's root URL
     * @param lastEventPosition the highest {@code position} in the service's {@code event} table (or another
     *        count of what the service stores) at the time of the call
     */
    public FuzzSuite(URI base, LongSupplier lastEventPosition) {
        this.base = base;
        this.lastEventPosition = lastEventPosition;
    }

    /** One dynamic test per operation, then one that prints the totals. */
    public Stream<DynamicTest> tests(List<FuzzOperation> operations) {
        Stream<DynamicTest> each = operations.stream()
                .map(operation -> DynamicTest.dynamicTest(operation.name(), () -> fuzz(operation)));
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("totals", () -> System.out.printf(
                "fuzz: %d malformed requests to %d operations (fuzz.requests=%d, fuzz.seed=%d); by kind %s%n",
                sent.get(), operations.size(), requestsPerOperation, seed, sentByKind))));
    }

    /** Sends the operation's malformed requests, then its valid one; fails listing every wrong answer. */
    public void fuzz(FuzzOperation operation) {
        long operationSeed = seed ^ operation.name().hashCode();
        Gen<FuzzRequest> generator = MalformedRequests.of(operation);
        SplittableRandom random = new SplittableRandom(operationSeed);
        List<String> findings = new ArrayList<>();
        Map<Kind, Integer> wrongByKind = new TreeMap<>();
        for (int i = 0; i < requestsPerOperation; i++) {
            FuzzRequest request = generator.draw(random);
            long before = lastEventPosition.getAsLong();
            Answer answer = send(request);
            long after = lastEventPosition.getAsLong();
            sent.incrementAndGet();
            sentByKind.merge(request.kind(), 1, Integer::sum);
            String wrong = judge(answer, after - before);
            if (wrong != null) {
                wrongByKind.merge(request.kind(), 1, Integer::sum);
                findings.add("#" + i + " " + wrong + " <- " + request.describe());
            }
        }
        System.out.printf("fuzz: %s: %d malformed requests (seed %d), %d wrong answers %s%n", operation.name(),
                requestsPerOperation, operationSeed, findings.size(), wrongByKind);
        if (!findings.isEmpty()) {
            fail(operation.name() + ": " + findings.size() + " of " + requestsPerOperation
                    + " malformed requests were answered wrongly (fuzz.seed=" + seed + "), by kind " + wrongByKind
                    + ":\n" + String.join("\n", findings.subList(0, Math.min(findings.size(), 25))));
        }
        Answer control = send(new FuzzRequest(null, "the valid request", operation.method(), operation.path(),
                operation.baseHeaders(), operation.validBody() == null ? null
                        : operation.validBody().getBytes(StandardCharsets.UTF_8), false));
        assertTrue(control.status() >= 200 && control.status() < 300, () -> operation.name()
                + ": the valid request the malformed ones derive from must succeed, but answered " + control.status()
                + " " + control.body());
    }

    /** What is wrong with an answer to a malformed request, or null when it is right. */
    private static String judge(Answer answer, long eventsStored) {
        List<String> wrong = new ArrayList<>();
        if (answer.status() < 400 || answer.status() >= 500) {
            wrong.add("answered " + answer.status());
        }
        if (eventsStored != 0) {
            wrong.add("stored " + eventsStored + " event(s)");
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            wrong.add("content type " + answer.contentType());
        } else {
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (problem == null || problem.path("status").asInt() != answer.status()) {
                    wrong.add("problem status " + (problem == null ? null : problem.path("status")));
                }
            } catch (IOException e) {
                wrong.add("problem body no JSON");
            }
        }
        return wrong.isEmpty() ? null : String.join(", ", wrong) + " " + shorten(answer.body());
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer send(FuzzRequest request) {
        if (request.headers().values().stream().anyMatch(FuzzSuite::notAscii)) {
            return sendRaw(request);
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : request.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(30))
                    .method(request.method(), body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The suite made a request it cannot send: " + request.describe(), e);
        }
        request.headers().forEach((name, value) -> {
            if (!value.isEmpty()) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<String> response;
            try {
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the server closes the connection after refusing a huge URL or header (414, 431): the next request
                // may have gone out on that pooled connection before it noticed, so it is sent once more
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            // a server that closes the connection instead of answering is a wrong answer too
            return new Answer(-1, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean notAscii(String value) {
        return value.chars().anyMatch(c -> c > 0x7E);
    }

    /**
     * Sends a request whose header values are not ASCII over a socket of its own, each header as its UTF-8 bytes:
     * the JDK client would encode them as US-ASCII and send {@code ?} for each other character.
     */
    private Answer sendRaw(FuzzRequest request) {
        URI target = base.resolve(request.path());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
        out.writeBytes((request.method() + " " + target.getRawPath() + query + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new TreeMap<>(request.headers());
        headers.put("Host", target.getHost() + ":" + target.getPort());
        headers.put("Connection", "close");
        headers.put("Content-Length", String.valueOf(request.body() == null ? 0 : request.body().length));
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                out.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (request.body() != null) {
            out.writeBytes(request.body());
        }
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            return parse(answer);
        } catch (IOException e) {
            return new Answer(-1, null, "no answer: " + e);
        }
    }

    /** An HTTP/1.1 answer read to the end of the connection: status, Content-Type, body (chunks joined). */
    private static Answer parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(-1, null, "no answer: " + shorten(text));
        }
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (String line : head) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(line.indexOf(':') + 1).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(end + 4);
        if (chunked) {
            StringBuilder joined = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            body = joined.toString();
        }
        return new Answer(status, contentType, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
