package dev.oneonone.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import dev.oneonone.kit.problem.Problem;

/** Every 403 of an operation open to person, director or HR tokens names employment-ended, with an example. */
class SuiteOpenApiLeaversTest {

    private static Operation operation(String forbidden, List<String> roles) {
        APIResponse answer = OASFactory.createAPIResponse().description(forbidden)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .example(Map.of("type", Problem.TYPE_BASE + "forbidden"))));
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("OK")).addAPIResponse("403", answer))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", roles));
    }

    private static APIResponse forbiddenAfterFilter(Operation operation) {
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things", OASFactory.createPathItem().GET(operation)));
        new SuiteOpenApi().filterOpenAPI(document);
        new SuiteOpenApi().filterOpenAPI(document); // a second run changes nothing
        return operation.getResponses().getAPIResponse("403");
    }

    @Test
    void an_operation_open_to_people_names_employment_ended_with_an_example() {
        for (List<String> roles : List.of(List.of("person", "integration"), List.of("director"), List.of("hr"), List.<String>of())) {
            APIResponse forbidden = forbiddenAfterFilter(operation("Only the series' people", roles));
            assertEquals("Only the series' people" + SuiteOpenApi.LEAVER_SUFFIX, forbidden.getDescription(), roles.toString());
            MediaType content = forbidden.getContent().getMediaType(Problem.MEDIA_TYPE);
            assertNull(content.getExample(), "one example became one of several");
            assertEquals(List.of("forbidden", "employment-ended"), List.copyOf(content.getExamples().keySet()));
            assertTrue(String.valueOf(content.getExamples().get("employment-ended").getValue())
                    .contains(Problem.TYPE_BASE + "employment-ended"));
        }
    }

    @Test
    void the_403_quarkus_adds_gets_the_kits_description() {
        APIResponse forbidden = forbiddenAfterFilter(operation(SuiteOpenApi.GENERATED_403, List.of()));
        assertTrue(forbidden.getDescription().startsWith("The caller's role or organisation does not allow this (forbidden)"));
        assertTrue(forbidden.getDescription().contains("employment-ended"));
    }

    @Test
    void an_integration_only_operation_is_left_as_it_is() {
        APIResponse forbidden = forbiddenAfterFilter(operation("Only an integration", List.of("integration")));
        assertEquals("Only an integration", forbidden.getDescription());
        assertNull(forbidden.getContent().getMediaType(Problem.MEDIA_TYPE).getExamples());
    }
}
