package dev.oneonone.kit.rest;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.oneonone.kit.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a request body over the API's limit with a 413 problem detail ({@code body-too-large}), before
 * anything reads it: {@code suite.api.max-body-bytes} (default 1 MiB), and for the paths listed in
 * {@code suite.api.import-paths} (bulk imports) {@code suite.api.import-max-body-bytes} (default 16 MiB).
 * The HTTP layer's hard cap ({@code quarkus.http.limits.max-body-size}) must stay above both.
 */
public class RequestBodyLimit {
    private final long maxBodyBytes;
    private final long importMaxBodyBytes;
    private final List<String> importPaths;

    public RequestBodyLimit(@ConfigProperty(name = "suite.api.max-body-bytes", defaultValue = "1048576") long maxBodyBytes,
            @ConfigProperty(name = "suite.api.import-max-body-bytes", defaultValue = "16777216") long importMaxBodyBytes,
            @ConfigProperty(name = "suite.api.import-paths", defaultValue = "none") List<String> importPaths) {
        this.maxBodyBytes = maxBodyBytes;
        this.importMaxBodyBytes = importMaxBodyBytes;
        this.importPaths = List.copyOf(importPaths);
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long limit = importPaths.contains(request.getUriInfo().getPath()) ? importMaxBodyBytes : maxBodyBytes;
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= limit) {
            return null;
        }
        return ProblemMappers.problem(413, "body-too-large", "Request body too large",
                "The body has " + length + " bytes; the limit is " + limit + ".", request.getUriInfo(), null);
    }
}
