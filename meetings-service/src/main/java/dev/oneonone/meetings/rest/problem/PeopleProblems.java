package dev.oneonone.meetings.rest.problem;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.problem.ProblemMappers;
import dev.oneonone.meetings.application.people.ImportRefusedException;
import dev.oneonone.meetings.application.people.PersonVersionConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Problem details of the people API: a refused import names every row at fault; a stale person is a 409. */
public class PeopleProblems {
    public static final String EXAMPLE_IMPORT_REFUSED = """
            {"type":"https://oneonone.dev/problems/import-refused","title":"Import refused","status":422,
             "detail":"2 problems in the import; nothing was stored","instance":"/people/import",
             "errors":[{"field":"people[17].email","message":"must be a well-formed email address", "reason": "email"},
                       {"field":"people[42].managerId","message":"Person 7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01 reports (directly or through others) to this person; the reporting line would go round in a circle.", "reason": "invalid-value"}]}""";

    public static final String EXAMPLE_FUTURE = """
            {"type":"https://oneonone.dev/problems/effective-in-the-future","title":"Refused by a domain rule","status":422,
             "detail":"2027-01-04 is after today in the organisation's time zone; only a last day may be in the future.",
             "instance":"/people",
             "errors":[{"field":"effectiveOn","message":"2027-01-04 is after today in the organisation's time zone; only a last day may be in the future.", "reason": "invalid-value"}]}""";
    public static final String EXAMPLE_STILL_EMPLOYED = """
            {"type":"https://oneonone.dev/problems/still-employed","title":"Refused by a domain rule","status":409,
             "detail":"This person's employment has not ended; change their entry with PUT /people/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12.",
             "instance":"/people/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12/rehire"}""";

    @ServerExceptionMapper
    public Response importRefused(ImportRefusedException e, UriInfo uri) {
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError("people[" + error.row() + "]" + (error.field() == null ? "" : "." + error.field()),
                        error.message()))
                .toList();
        return ProblemMappers.problem(422, "import-refused", "Import refused", e.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response personConflict(PersonVersionConflictException e, UriInfo uri) {
        String detail = e.expectedVersion() == 0
                ? "Person " + e.streamId() + " already exists; nothing was stored."
                : "Person " + e.streamId() + " is no longer at version " + e.expectedVersion() + "; read it again and retry.";
        return ProblemMappers.problem(409, "version-conflict", "Version conflict", detail, uri, null);
    }
}
