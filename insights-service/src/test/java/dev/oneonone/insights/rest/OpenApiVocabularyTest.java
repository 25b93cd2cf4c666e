package dev.oneonone.insights.rest;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.openapi.ApiVocabulary;
import io.quarkus.test.junit.QuarkusTest;

/** The served OpenAPI document speaks the suite's vocabulary: operationIds, paging, typed query parameters. */
@QuarkusTest
class OpenApiVocabularyTest {

    @Test
    void the_served_document_follows_the_api_vocabulary() {
        ApiVocabulary.assertServedDocumentFollowed("insights-service");
    }
}
