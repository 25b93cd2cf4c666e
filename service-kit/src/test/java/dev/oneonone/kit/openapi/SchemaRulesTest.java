package dev.oneonone.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;

/** SuiteOpenApi's schema rules (SchemaRules): anchored patterns, inlined Java types, required answer fields, sorted maps. */
class SchemaRulesTest {

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static OpenAPI document() {
        Schema meeting = OASFactory.createObject(Schema.class).addType(SchemaType.OBJECT)
                .addProperty("id", OASFactory.createSchema().ref("UUID").addType(SchemaType.STRING))
                .addProperty("heldAt", OASFactory.createSchema().addType(SchemaType.STRING).addType(SchemaType.NULL)
                        .addAnyOf(OASFactory.createSchema().ref("Instant")).addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL)))
                .addProperty("at", OASFactory.createSchema().ref("LocalTime"))
                .addProperty("mode", OASFactory.createSchema().ref("Mode").addType(SchemaType.STRING))
                .addProperty("team", string().pattern("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"))
                .addProperty("actualMinutes", OASFactory.createSchema().addType(SchemaType.INTEGER));
        Schema request = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("name", string().pattern("\\S"))
                .addProperty("group", string().pattern("(team|department):[a-z]+"));
        Operation put = OASFactory.createOperation().operationId("putMeeting")
                .addParameter(OASFactory.createParameter().name("kind").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH)
                        .schema(string().pattern("team|department")))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("PutMeeting")))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Meeting"))))));
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/meetings/{kind}", OASFactory.createPathItem().PUT(put)))
                .components(OASFactory.createComponents()
                        .addSchema("UUID", string().format("uuid").pattern("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}"))
                        .addSchema("Meeting", meeting).addSchema("Instant", string().format("date-time"))
                        .addSchema("LocalTime", string().format("local-time")).addSchema("PutMeeting", request)
                        .addSchema("Mode", string().addEnumeration("REMOTE").addEnumeration("IN_PERSON")));
    }

    private static OpenAPI filtered() {
        OpenAPI document = document();
        new SuiteOpenApi().filterOpenAPI(document);
        return document;
    }

    @Test
    void every_pattern_is_anchored_with_the_meaning_bean_validation_gives_it_and_literal_alternatives_are_an_enum() {
        OpenAPI document = filtered();
        Schema meeting = document.getComponents().getSchemas().get("Meeting");
        assertEquals("^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,63})$", meeting.getProperties().get("team").getPattern());
        assertTrue(Pattern.compile(meeting.getProperties().get("team").getPattern()).matcher("platform").matches());
        assertFalse(Pattern.compile(meeting.getProperties().get("team").getPattern()).matcher("platform team!").find());
        Schema request = document.getComponents().getSchemas().get("PutMeeting");
        assertEquals("^(?:(team|department):[a-z]+)$", request.getProperties().get("group").getPattern());
        String notBlank = request.getProperties().get("name").getPattern();
        assertTrue(Pattern.compile(notBlank).matcher(" a ").matches());
        assertFalse(Pattern.compile(notBlank).matcher("  ").matches());
        Schema kind = document.getPaths().getPathItem("/meetings/{kind}").getPUT().getParameters().get(0).getSchema();
        assertNull(kind.getPattern());
        assertEquals(List.of("team", "department"), kind.getEnumeration());
    }

    @Test
    void java_types_are_inlined_and_refs_have_no_sibling_type() {
        OpenAPI document = filtered();
        assertEquals(List.of("Meeting", "Mode", "PutMeeting"), List.copyOf(document.getComponents().getSchemas().keySet()));
        Schema meeting = document.getComponents().getSchemas().get("Meeting");
        Schema id = meeting.getProperties().get("id");
        assertNull(id.getRef());
        assertEquals("uuid", id.getFormat());
        assertTrue(id.getPattern().startsWith("^") && id.getPattern().endsWith("$"));
        Schema heldAt = meeting.getProperties().get("heldAt");
        assertNull(heldAt.getAnyOf());
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), heldAt.getType());
        assertEquals("date-time", heldAt.getFormat());
        Schema at = meeting.getProperties().get("at");
        assertNull(at.getFormat());
        assertEquals(SchemaRules.TIME_OF_DAY, at.getPattern());
        assertTrue(Pattern.compile(at.getPattern()).matcher("09:00:00").matches());
        assertTrue(Pattern.compile(at.getPattern()).matcher("09:30").matches());
        Schema mode = meeting.getProperties().get("mode");
        assertEquals("#/components/schemas/Mode", mode.getRef());
        assertNull(mode.getType());
    }

    @Test
    void an_answers_object_requires_all_its_properties_a_requests_does_not_get_them() {
        OpenAPI document = filtered();
        assertEquals(List.of("id", "heldAt", "at", "mode", "team"), document.getComponents().getSchemas().get("Meeting").getRequired());
        assertNull(document.getComponents().getSchemas().get("PutMeeting").getRequired());
    }

    @Test
    void two_builds_serialize_the_same_bytes_and_a_second_run_changes_nothing() throws Exception {
        OpenAPI once = filtered();
        String first = OpenApiSerializer.serialize(once, Format.JSON);
        new SuiteOpenApi().filterOpenAPI(once);
        assertEquals(first, OpenApiSerializer.serialize(once, Format.JSON));
        assertEquals(first, OpenApiSerializer.serialize(filtered(), Format.JSON));
        List<String> responses = List.copyOf(once.getComponents().getResponses().keySet());
        assertEquals(responses.stream().sorted().toList(), responses);
    }
}
