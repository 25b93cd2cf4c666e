package dev.oneonone.kit.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a part another service of the suite serves, with the caller's own bearer token, so that service applies its
 * own permissions: agenda-service at {@code suite.services.agenda-url}, insights-service at
 * {@code suite.services.insights-url} (deploy/local and the deploy files set both; unset: that part is left out).
 * The answer is streamed: {@link #copyFields} passes an object's fields on token by token, never holding it.
 */
@ApplicationScoped
public class ServiceParts {
    /** The services that serve parts. */
    public enum Service { AGENDA, INSIGHTS }

    private static final JsonFactory JSON = new JsonFactory();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Optional<String> agendaUrl;
    private final Optional<String> insightsUrl;

    public ServiceParts(@ConfigProperty(name = "suite.services.agenda-url") Optional<String> agendaUrl,
            @ConfigProperty(name = "suite.services.insights-url") Optional<String> insightsUrl) {
        this.agendaUrl = agendaUrl.filter(url -> !url.isBlank());
        this.insightsUrl = insightsUrl.filter(url -> !url.isBlank());
    }

    /** The base URL of a service, when configured. */
    public Optional<String> baseUrl(Service service) {
        return service == Service.AGENDA ? agendaUrl : insightsUrl;
    }

    /**
     * GETs {@code path} of {@code service} with {@code authorization} and answers the body as a stream.
     *
     * @throws PartUnavailableException when the service is not configured, does not answer or answers other than 200
     */
    public InputStream open(Service service, String path, String authorization) {
        String base = baseUrl(service).orElseThrow(() -> new PartUnavailableException(service + " is not configured"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new PartUnavailableException(service + " answered " + response.statusCode() + " to " + path);
            }
            return response.body();
        } catch (IOException e) {
            throw new PartUnavailableException(service + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartUnavailableException(service + " was not asked: interrupted");
        }
    }

    /** Copies every field of the JSON object on {@code body} into the object {@code json} is writing, streaming. */
    public static void copyFields(InputStream body, JsonGenerator json) throws IOException {
        try (body; JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("A part is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                json.writeFieldName(parser.currentName());
                parser.nextToken();
                json.copyCurrentStructure(parser);
            }
        }
    }

    /** A part another service serves could not be read. */
    public static class PartUnavailableException extends RuntimeException {
        public PartUnavailableException(String message) {
            super(message);
        }
    }
}
