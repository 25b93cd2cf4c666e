package dev.oneonone.insights.rest.problem;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Refused query parameters become a 400 problem detail that names each field and why. */
public class InvalidQueryMapper {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "invalid-query", "Invalid query", 400,
                        "Some query parameters were refused; nothing was read.", uri.getPath(), e.errors()))
                .build();
    }
}
