package dev.oneonone.insights.rest.problem;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.oneonone.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Refused query parameters become a 400 problem detail ({@code invalid-query}) that names each field and why. */
public class InvalidQueryMapper {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return ProblemMappers.problem(400, "invalid-query", "Invalid query",
                "Some query parameters were refused; nothing was read.", uri, e.errors());
    }
}
