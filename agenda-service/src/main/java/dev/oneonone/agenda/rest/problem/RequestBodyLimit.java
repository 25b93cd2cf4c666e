package dev.oneonone.agenda.rest.problem;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a request body over the API's limit with a problem detail, before anything reads it. The
 * history import has a larger limit of its own.
 */
public class RequestBodyLimit {
    static final String IMPORT_PATH = "/imports/agenda-history";

    private final long maxBodyBytes;
    private final long importMaxBodyBytes;

    public RequestBodyLimit(@ConfigProperty(name = "agenda.api.max-body-bytes") long maxBodyBytes,
            @ConfigProperty(name = "agenda.api.import-max-body-bytes") long importMaxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.importMaxBodyBytes = importMaxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long limit = IMPORT_PATH.equals(request.getUriInfo().getPath()) ? importMaxBodyBytes : maxBodyBytes;
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= limit) {
            return null;
        }
        return ProblemMappers.problem(413, "body-too-large", "Request body too large",
                "The body has " + length + " bytes; the limit is " + limit + ".", request.getUriInfo(), null);
    }
}
