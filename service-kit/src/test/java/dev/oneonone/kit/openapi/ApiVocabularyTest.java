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
             "components":{"schemas":{"SeriesPage":{"type":"object","properties":{"items":{"type":"array"},"next":{"type":["string","null"]}}}}}}""";

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
}
