package dev.oneonone.agenda.rest.problem;

import static dev.oneonone.kit.problem.ProblemMappers.problem;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.oneonone.agenda.application.RejectedException;
import dev.oneonone.agenda.application.imports.ImportRefusedException;
import dev.oneonone.kit.eventstore.ConcurrentAppendException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The problem details of agenda-service's own failures, beside the kit's shared ones
 * ({@link dev.oneonone.kit.problem.ProblemMappers}): a refused command (404 for a {@code *-not-found}
 * reason, else 409, typed by the rejection's reason), a refused history import (422, every row at fault)
 * and a stale If-Match or a concurrent change to the same agenda or agreement (409 {@code version-conflict}, as in
 * meetings-service).
 */
public class AgendaProblemMappers {

    @ServerExceptionMapper
    public Response rejected(RejectedException e, UriInfo uri) {
        String reason = e.rejection().reason();
        int status = reason.endsWith("-not-found") ? 404 : 409;
        return problem(status, reason, status == 404 ? "Not Found" : "Conflict", e.getMessage(), uri, null);
    }

    /** A history import refused as a whole: every row at fault with its path. */
    @ServerExceptionMapper
    public Response importRefused(ImportRefusedException e, UriInfo uri) {
        return problem(422, "import-refused", "Import refused", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response concurrent(ConcurrentAppendException e, UriInfo uri) {
        return problem(409, "version-conflict", "Version conflict",
                "The agenda is no longer at version " + e.expectedVersion() + ": it changed since it was read, or at the same"
                        + " time by another request; read it again and retry.", uri, null);
    }
}
