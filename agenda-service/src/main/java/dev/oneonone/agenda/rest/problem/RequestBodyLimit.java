package dev.oneonone.agenda.rest.problem;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Refuses a request body over the API's limit with a problem detail, before anything reads it. */
public class RequestBodyLimit {
    private final long maxBodyBytes;

    public RequestBodyLimit(@ConfigProperty(name = "agenda.api.max-body-bytes") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= maxBodyBytes) {
            return null;
        }
        return ProblemMappers.problem(413, "body-too-large", "Request body too large",
                "The body has " + length + " bytes; the limit is " + maxBodyBytes + ".", request.getUriInfo(), null);
    }
}
