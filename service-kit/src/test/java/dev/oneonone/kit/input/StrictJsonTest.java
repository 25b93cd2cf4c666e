package dev.oneonone.kit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.oneonone.kit.problem.JsonRefusals;
import dev.oneonone.kit.problem.Problem.FieldError;

/** The strict JSON policy as a request body meets it: each refusal names the field and the rule. */
class StrictJsonTest {
    enum Kind { CAREER, FEEDBACK }

    record Topic(String title, Kind kind, @MultilineText String details, LocalDate dueOn, Instant scheduledFor,
            OffsetDateTime at, int count, boolean done, @MultilineText List<String> questions, List<Row> rows) {
    }

    record Row(String name, @MultilineText List<String> lines) {
    }

    static final ObjectMapper MAPPER = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    static FieldError refusal(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Topic.class));
        return JsonRefusals.fieldError(e);
    }

    @Test
    void a_valid_body_reads() throws Exception {
        Topic topic = MAPPER.readValue("""
                {"title":"Career","kind":"CAREER","details":"line 1\\nline 2\\r\\n\\tline 3","dueOn":"2026-12-01",
                 "scheduledFor":"2026-12-01T09:00:00Z","at":"2200-12-31T23:00:00-00:30","count":2,"done":true,
                 "questions":["a\\nb"],"rows":[{"name":"Émile 😀","lines":["x\\ny"]}]}""", Topic.class);
        assertEquals("Career", topic.title());
        assertEquals(Kind.CAREER, topic.kind());
        assertEquals(LocalDate.of(2026, 12, 1), topic.dueOn());
        assertEquals("x\ny", topic.rows().get(0).lines().get(0));
    }

    @Test
    void nul_in_a_string_is_refused_naming_the_field() {
        FieldError error = refusal("{\"title\":\"a\\u0000b\",\"kind\":\"CAREER\"}");
        assertEquals("title", error.field());
        assertEquals(TextRules.CONTROL_CHARACTER, error.reason());
        assertEquals("must not contain control characters (U+0000 at index 1)", error.message());
    }

    @Test
    void nested_fields_are_named_by_their_json_path() {
        assertEquals("rows[1].name", refusal("{\"rows\":[{\"name\":\"ok\"},{\"name\":\"\\u0007\"}]}").field());
        assertEquals("rows[0].lines[1]", refusal("{\"rows\":[{\"lines\":[\"ok\",\"\\u0000\"]}]}").field());
    }

    @Test
    void line_breaks_only_in_multiline_fields() {
        FieldError error = refusal("{\"title\":\"a\\nb\"}");
        assertEquals("title", error.field());
        assertEquals(TextRules.LINE_BREAK, error.reason());
        assertEquals("title", refusal("{\"title\":\"a\\rb\"}").field());
        assertEquals("rows[0].name", refusal("{\"rows\":[{\"name\":\"a\\tb\"}]}").field());
        assertEquals(TextRules.CONTROL_CHARACTER, refusal("{\"questions\":[\"a\\rb\"]}").reason());
        assertEquals(TextRules.CONTROL_CHARACTER, refusal("{\"details\":\"a\\u0000b\"}").reason());
    }

    @Test
    void invisible_only_and_unpaired_surrogates_are_refused() {
        assertEquals(TextRules.INVISIBLE_ONLY, refusal("{\"title\":\"\\u200B\\uFEFF \\u00AD\"}").reason());
        assertEquals(TextRules.UNPAIRED_SURROGATE, refusal("{\"title\":\"a\\uD800b\"}").reason());
        assertEquals(TextRules.UNPAIRED_SURROGATE, refusal("{\"title\":\"\\uDC00\"}").reason());
    }

    @Test
    void a_duplicate_key_is_refused_naming_the_key() {
        FieldError error = refusal("{\"title\":\"a\",\"title\":\"b\"}");
        assertEquals("title", error.field());
        assertEquals(JsonRefusals.DUPLICATE_KEY, error.reason());
        assertEquals("rows[1].name", refusal("{\"rows\":[{\"name\":\"a\"},{\"name\":\"a\",\"name\":\"b\"}]}").field());
    }

    @Test
    void an_unknown_field_is_refused_naming_it() {
        FieldError error = refusal("{\"title\":\"a\",\"titel\":\"b\"}");
        assertEquals("titel", error.field());
        assertEquals(JsonRefusals.UNKNOWN_FIELD, error.reason());
    }

    @Test
    void every_unknown_field_of_an_object_is_named_not_only_the_first() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(
                "{\"foo\":{\"x\":[1]},\"title\":\"a\",\"bar\":[2],\"count\":1,\"baz\":3}", Topic.class));
        List<FieldError> errors = JsonRefusals.fieldErrors(e);
        assertEquals(List.of("foo", "bar", "baz"), errors.stream().map(FieldError::field).toList());
        assertEquals(List.of(JsonRefusals.UNKNOWN_FIELD), errors.stream().map(FieldError::reason).distinct().toList());

        // in a nested object, by their path
        e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(
                "{\"title\":\"a\",\"rows\":[{\"name\":\"x\"},{\"nick\":\"y\",\"name\":\"z\",\"alias\":{}}]}", Topic.class));
        assertEquals(List.of("rows[1].nick", "rows[1].alias"), JsonRefusals.fieldErrors(e).stream().map(FieldError::field).toList());

        // a plain class (no creator) too
        e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("{\"a\":1,\"name\":\"x\",\"b\":2}", Plain.class));
        assertEquals(List.of("a", "b"), JsonRefusals.fieldErrors(e).stream().map(FieldError::field).toList());
    }

    static class Plain {
        public String name;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"title\":42}|title|not-a-string",
            "{\"title\":true}|title|not-a-string",
            "{\"title\":{}}|title|not-a-string",
            "{\"kind\":1}|kind|wrong-type",
            "{\"count\":\"5\"}|count|wrong-type",
            "{\"count\":1.5}|count|wrong-type",
            "{\"done\":\"true\"}|done|wrong-type",
            "{\"done\":1}|done|wrong-type",
            "{\"count\":null}|count|null-not-allowed",
            "{\"dueOn\":20261201}|dueOn|not-an-iso-date",
            "{\"dueOn\":[2026,12,1]}|dueOn|not-an-iso-date",
            "{\"scheduledFor\":1764579600}|scheduledFor|not-an-iso-date",
            "{\"dueOn\":\"0000-01-01\"}|dueOn|date-out-of-range",
            "{\"dueOn\":\"1899-12-31\"}|dueOn|date-out-of-range",
            "{\"dueOn\":\"+10000-01-01\"}|dueOn|date-out-of-range",
            "{\"scheduledFor\":\"+1000000000-12-31T23:59:59.999999999Z\"}|scheduledFor|date-out-of-range",
            "{\"scheduledFor\":\"-1000000000-01-01T00:00:00Z\"}|scheduledFor|date-out-of-range",
            "{\"scheduledFor\":\"2201-01-01T00:00:00Z\"}|scheduledFor|date-out-of-range",
            "{\"at\":\"2200-12-31T23:30:00-01:00\"}|at|date-out-of-range",
            "{\"dueOn\":\"2026-02-30\"}|dueOn|wrong-type",
    })
    void scalars_are_never_coerced_and_dates_stay_in_range(String json, String field, String reason) {
        FieldError error = refusal(json);
        assertEquals(field, error.field(), json);
        assertEquals(reason, error.reason(), json);
    }

    @Test
    void a_body_of_another_shape_is_refused_as_the_body() {
        assertEquals("body", refusal("[1]").field());
    }

    @Test
    void a_left_out_primitive_keeps_its_default() throws Exception {
        Topic topic = MAPPER.readValue("{\"title\":\"a\"}", Topic.class);
        assertEquals(0, topic.count());
        assertEquals(false, topic.done());
    }

    /** Found by the fuzz suite: Jackson's instant reader takes a string of digits as epoch milliseconds. */
    @ParameterizedTest
    @ValueSource(strings = { "\"1000\"", "\"20261201\"", "\"-1\"", "\"1.5\"", "36000" })
    void an_instant_given_as_digits_is_refused(String value) {
        FieldError error = refusal("{\"scheduledFor\":" + value + "}");
        assertEquals("scheduledFor", error.field());
        assertEquals(DateRangeDeserializer.NOT_ISO, error.reason());
    }

    record Target(java.util.UUID seriesId) {
    }

    /** Found by the fuzz suite: Jackson trims an id first, so "\u0000" was a missing id, and reads 24 Base64 characters as one. */
    @ParameterizedTest
    @ValueSource(strings = { "\"\\u0000\"", "\" \"", "\"\"", "\"AAAAAAAAAAAAAAAAAAAAAA==\"",
            "\" 5d0c1a2b-0000-4000-8000-000000000001\"", "\"5d0c1a2b00004000800000000000000\"", "42" })
    void an_id_is_a_canonical_uuid_string(String value) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"seriesId\":" + value + "}", Target.class));
        FieldError error = JsonRefusals.fieldError(e);
        assertEquals("seriesId", error.field());
        assertEquals(PolicyUuidDeserializer.NOT_AN_ID, error.reason());
    }

    @Test
    void a_canonical_id_reads_in_either_case() throws Exception {
        assertEquals(java.util.UUID.fromString("5d0c1a2b-0000-4000-8000-00000000000a"),
                MAPPER.readValue("{\"seriesId\":\"5D0C1A2B-0000-4000-8000-00000000000A\"}", Target.class).seriesId());
    }

    @Test
    void the_edges_of_the_date_range_are_accepted() throws Exception {
        Topic first = MAPPER.readValue("{\"dueOn\":\"1900-01-01\",\"scheduledFor\":\"1900-01-01T00:00:00Z\"}", Topic.class);
        Topic last = MAPPER.readValue("{\"dueOn\":\"2200-12-31\",\"scheduledFor\":\"2200-12-31T23:59:59.999999999Z\"}", Topic.class);
        assertEquals(1900, first.dueOn().getYear());
        assertEquals(2200, last.dueOn().getYear());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"title\":\"a\"", "{\"title\":", "{\"title\" \"a\"}", "{\"title\":\"a\"} x", "{", "" })
    void text_that_is_not_json_has_no_field(String json) {
        assertNull(refusal(json), json);
    }

    @Test
    void trusted_reads_keep_unknown_fields_and_skip_the_input_rules() throws Exception {
        Topic topic = StrictJson.trustedReader(MAPPER).forType(Topic.class).readValue(
                "{\"title\":\"a\\u0000\",\"addedLater\":1,\"dueOn\":\"+10000-01-01\",\"scheduledFor\":\"0001-01-01T00:00:00Z\"}");
        assertEquals("a\u0000", topic.title());
        assertEquals(10000, topic.dueOn().getYear());
    }

    @Test
    void writing_is_unchanged() throws Exception {
        assertEquals("{\"dueOn\":\"2026-12-01\",\"title\":\"a\\nb\"}",
                MAPPER.writeValueAsString(new java.util.TreeMap<>(java.util.Map.of("title", "a\nb", "dueOn", LocalDate.of(2026, 12, 1)))));
    }
}
