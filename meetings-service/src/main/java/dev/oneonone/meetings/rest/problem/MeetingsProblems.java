package dev.oneonone.meetings.rest.problem;

import static dev.oneonone.kit.problem.ProblemMappers.problem;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.oneonone.kit.eventstore.ConcurrentAppendException;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.meetings.application.RejectedCommandException;
import dev.oneonone.meetings.application.series.SeriesImportRefusedException;
import dev.oneonone.meetings.application.webhooks.WebhookEndpointChangedException;
import dev.oneonone.meetings.domain.Rejection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Problem details of meetings' own refusals, beside the kit's shared mappers: a domain rule's rejection
 * (409 for a command refused as a whole, 422 for a field at fault, typed by the rule's code), a refused
 * history import (422 naming every row), and a series or webhook endpoint changed since the caller read it (409).
 */
public class MeetingsProblems {

    @ServerExceptionMapper
    public Response rejected(RejectedCommandException e, UriInfo uri) {
        Rejection rejection = e.rejection();
        List<FieldError> errors = rejection.field() == null ? null
                : List.of(new FieldError(rejection.field(), rejection.detail()));
        // A refused field is unprocessable input; a refused command as a whole conflicts with the current state.
        int status = rejection.field() == null ? 409 : 422;
        return problem(status, rejection.reason(), "Refused by a domain rule", rejection.detail(), uri, errors);
    }

    /** A history import refused as a whole: every row at fault with its path and reason code. */
    @ServerExceptionMapper
    public Response seriesImportRefused(SeriesImportRefusedException e, UriInfo uri) {
        List<FieldError> errors = e.rejections().stream()
                .map(r -> new FieldError(r.field(), r.detail(), r.reason())).toList();
        return problem(422, "import-refused", "Import refused", e.getMessage(), uri, errors);
    }

    /** A series stream that moved on since the version the caller sent (a person's has its own mapper). */
    @ServerExceptionMapper
    public Response conflict(ConcurrentAppendException e, UriInfo uri) {
        return problem(409, "version-conflict", "Version conflict",
                "Series " + e.streamId() + " is no longer at version " + e.expectedVersion()
                        + "; read it again and retry.", uri, null);
    }

    /** A webhook endpoint changed since the version in If-Match. */
    @ServerExceptionMapper
    public Response endpointChanged(WebhookEndpointChangedException e, UriInfo uri) {
        return problem(409, "version-conflict", "Version conflict", e.getMessage(), uri, null);
    }
}
