package dev.oneonone.kit.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.oneonone.kit.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a request body over the API's limit with a 413 problem detail ({@code body-too-large}), before
 * anything reads it, from its Content-Length, to the {@link BodyLimits} of its path.
 * The HTTP layer's hard cap ({@code quarkus.http.limits.max-body-size}) must stay above both.
 */
public class RequestBodyLimit {
    private final BodyLimits limits;

    public RequestBodyLimit(BodyLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long limit = limits.forPath(request.getUriInfo().getPath());
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= limit) {
            return null;
        }
        return ProblemMappers.problem(413, "body-too-large", "Request body too large",
                "The body has " + length + " bytes; the limit is " + limit + ".", request.getUriInfo(), null);
    }
}
