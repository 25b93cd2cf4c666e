package dev.oneonone.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiVocabularyTest {

    private static final String GOOD = """
            {"paths":{"/series":{"get":{"operationId":"listSeries","parameters":[
              {"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":100,"default":50}},
              {"name":"after","in":"query","schema":{"type":"string"}},
              {"name":"asOf","in":"query","schema":{"type":"string","format":"date"}}],
             "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SeriesPage"}}}}}}}},
             "components":{"schemas":{"SeriesPage":{"type":"object","properties":{"items":{"type":"array"},"next":{"type":["string","null"]}},
              "required":["items","next"]}}}}""";

    @Test
    void a_document_that_speaks_the_vocabulary_passes() {
        assertEquals(List.of(), ApiVocabulary.violations(Map.of("one", GOOD)));
    }

    @Test
    void names_each_breach() {
        String bad = """
                {"paths":{"/rollups/teams":{"get":{"parameters":[
                  {"name":"cursor","in":"query","schema":{"type":"string"}},
                  {"name":"limit","in":"query","schema":{"type":"string"}},
                  {"name":"weeks","in":"query","schema":{"type":"string"}}],
                 "responses":{"200":{"content":{"application/json":{"schema":{"type":"array"}}}}}}},
                 "/series/{id}":{"get":{"operationId":"Get_series"}}}}""";
        List<String> violations = ApiVocabulary.violations(Map.of("two", bad));
        assertEquals(List.of(
                "two GET /rollups/teams: no operationId",
                "two GET /rollups/teams ?cursor: lists page with 'after', not 'cursor'",
                "two GET /rollups/teams ?limit: type is \"string\", not integer",
                "two GET /rollups/teams ?limit: minimum is missing, not 1",
                "two GET /rollups/teams ?limit: maximum is missing, not 100",
                "two GET /rollups/teams ?limit: default is missing, not 50",
                "two GET /rollups/teams ?weeks: type is \"string\", not integer",
                "two GET /rollups/teams ?weeks: has no minimum",
                "two GET /rollups/teams ?weeks: has no maximum",
                "two GET /rollups/teams: answers a bare array; a list answers a page {items, next}",
                "two GET /rollups/teams: a list takes both 'limit' and 'after'",
                "two GET /rollups/teams: a list answers a page with 'items' (an array) and 'next'",
                "two GET /series/{id}: operationId 'Get_series' is not lowerCamelCase letters"), violations);
    }

    @Test
    void an_operation_id_is_unique_across_the_documents() {
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("one", GOOD);
        documents.put("other", GOOD);
        assertEquals(List.of("other GET /series: operationId 'listSeries' is also that of one GET /series"),
                ApiVocabulary.violations(documents));
    }

    @Test
    void every_error_answer_is_a_problem_detail_whose_schema_requires_type_title_and_status() {
        String document = """
                {"paths":{"/series/{id}":{"get":{"operationId":"getSeries","responses":{
                  "404":{"$ref":"#/components/responses/NotFound"},
                  "409":{"description":"conflict"},
                  "422":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
                  "503":{"content":{"application/problem+json":{"schema":{"type":"object"}}}}}}}},
                 "components":{"responses":{"NotFound":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}},
                  "schemas":{"Problem":{"type":"object","required":["type","status"]},
                   "TeamPage":{"type":"object","properties":{"items":{"type":"array"},"nextCursor":{"type":"string"}}}}}}""";
        assertEquals(List.of(
                "three GET /series/{id} 409: an error answers application/problem+json with the Problem schema, not no content",
                "three GET /series/{id} 422: an error answers application/problem+json with the Problem schema, not "
                        + "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Problem\"}}}",
                "three GET /series/{id} 503: an error answers application/problem+json with the Problem schema, not "
                        + "{\"application/problem+json\":{\"schema\":{\"type\":\"object\"}}}",
                "three schema TeamPage: pages name their cursor 'next', not 'nextCursor'",
                "three schema TeamPage: a page has 'items' and 'next'",
                "three schema Problem: requires [type, title, status], not [type, status]"),
                ApiVocabulary.violations(Map.of("three", document)));
    }

    @Test
    void patterns_are_anchored_refs_have_no_sibling_type_java_types_are_inlined_answers_require_their_fields() {
        String document = """
                {"paths":{"/groups/{kind}":{"get":{"operationId":"listGroups","parameters":[
                  {"name":"kind","in":"path","schema":{"type":"string","pattern":"team|department"}}],
                 "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Group"}}}},
                  "400":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{
                  "Problem":{"type":"object","required":["type","title","status"],"properties":{"type":{"type":"string"},
                   "errors":{"type":"array","items":{"$ref":"#/components/schemas/FieldError"}}}},
                  "FieldError":{"type":"object","required":["field","message"],"properties":{"field":{"type":"string"}}},
                  "Group":{"type":"object","properties":{"id":{"$ref":"#/components/schemas/UUID","type":"string"},
                   "at":{"type":"string","format":"local-time"},"code":{"type":"string","pattern":"^[a-z]+$"}}},
                  "UUID":{"type":"string","format":"uuid","pattern":"[a-f0-9-]{36}"}}}}""";
        assertEquals(List.of(
                "four /paths//groups/{kind}/get/parameters/0/schema: pattern 'team|department' is not anchored ^...$",
                "four /components/schemas/UUID: pattern '[a-f0-9-]{36}' is not anchored ^...$",
                "four /components/schemas/Group/properties/id: a $ref (or an anyOf with one) beside a type \"string\"",
                "four /components/schemas/Group/properties/at: format local-time is not a JSON Schema format; a time of day is a pattern",
                "four schema UUID: a Java type is inlined (type string with its format), not a component",
                "four schema Group: an answer's object lists the properties it always has in 'required', not [id, at, code]",
                "four schema FieldError: requires [field, message, reason], not [field, message]",
                "four components.schemas: not sorted by name [Problem, FieldError, Group, UUID]"),
                ApiVocabulary.violations(Map.of("four", document)));
    }
}
