package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;
import io.restassured.http.Headers;
import io.restassured.specification.RequestSpecification;

/**
 * The kit's OpenApiResponses runs on every request of every test without being registered here: a response that
 * breaks the served document fails the test. The broken responses are real answers of the service, changed on their
 * way to the test by a filter that runs after the validator in RestAssured's chain.
 */
@QuarkusTest
class OpenApiResponsesTest {

    @BeforeEach
    void validationFailsTests() {
        assumeFalse("report".equals(System.getProperty("openapi.responses")), "-Dopenapi.responses=report only counts violations");
    }

    @Test
    void a_response_as_documented_passes() {
        registerAs(UUID.randomUUID(), UnaryOperator.identity());
    }

    @Test
    void a_body_that_breaks_its_schema_fails_the_test() {
        AssertionError failure = assertThrows(AssertionError.class, () -> registerAs(UUID.randomUUID(),
                answer -> answer.setBody("{\"id\":42,\"employed\":\"yes\"}")));

        assertThat(failure.getMessage(), containsString("schema: "));
        assertThat(failure.getMessage(), containsString("POST /people answered 201"));
    }

    @Test
    void an_undocumented_status_fails_the_test() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> registerAs(UUID.randomUUID(), answer -> answer.setStatusCode(418)));

        assertThat(failure.getMessage(), containsString("undocumented-status: 418 for POST /people"));
    }

    @Test
    void a_missing_required_header_and_an_undocumented_content_type_fail_the_test() {
        AssertionError failure = assertThrows(AssertionError.class, () -> registerAs(UUID.randomUUID(),
                answer -> answer.setHeaders(new Headers()).setContentType("text/plain")));

        assertThat(failure.getMessage(), containsString("missing-header: Location"));
        assertThat(failure.getMessage(), containsString("content-type: text/plain is not documented"));
    }

    @Test
    void a_path_outside_the_document_fails_the_test() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> as("openapi-" + UUID.randomUUID()).get("/no-such-resource"));

        assertThat(failure.getMessage(), containsString("undocumented-path"));
    }

    private static void registerAs(UUID id, UnaryOperator<ResponseBuilder> change) {
        RequestSpecification request = as("openapi-" + UUID.randomUUID()).body(person(id, null));
        request.filter(changing(change)).post("/people");
    }

    /** A filter after the validator: it hands the validator the service's answer changed. */
    private static Filter changing(UnaryOperator<ResponseBuilder> change) {
        return (request, response, context) -> change.apply(new ResponseBuilder().clone(context.next(request, response))).build();
    }
}
