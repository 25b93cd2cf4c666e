package dev.oneonone.kit.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.oneonone.kit.input.TextRules;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

/**
 * The text rules for the path and the query parameters, once decoded: no control characters (NUL
 * included), no line breaks, no unpaired surrogates or noncharacters ({@link TextRules}, single-line). A
 * refusal is 400 {@code invalid-input} naming the query parameter (or {@code path}); a percent-escape that does
 * not decode is 400 {@code malformed-request}. Whether a parameter may be empty or blank stays the
 * parameter's own rule.
 */
public class ParameterText {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        try {
            for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
                check("path", segment.getPath(), errors);
            }
            for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
                check(parameter.getKey(), parameter.getKey(), errors);
                for (String value : parameter.getValue()) {
                    check(parameter.getKey(), value, errors);
                }
            }
        } catch (IllegalArgumentException undecodable) {
            return ProblemMappers.problem(400, "malformed-request", "Malformed request",
                    "The request's path or query has a malformed percent-escape.", request.getUriInfo(), null);
        }
        return errors.isEmpty() ? null : ProblemMappers.invalidInput(request.getUriInfo(), errors);
    }

    private static void check(String field, String value, List<FieldError> errors) {
        TextRules.Violation violation = TextRules.check(value, false);
        if (violation != null && !violation.reason().equals(TextRules.INVISIBLE_ONLY)
                && errors.stream().noneMatch(error -> error.field().equals(field))) {
            errors.add(new FieldError(field, violation.message(), violation.reason()));
        }
    }
}
