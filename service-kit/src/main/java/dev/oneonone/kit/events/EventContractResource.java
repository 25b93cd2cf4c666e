package dev.oneonone.kit.events;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.events.schema.AsyncApiDocument;
import dev.oneonone.events.schema.Publisher;
import dev.oneonone.kit.openapi.ResponseHeaders;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /asyncapi}: the AsyncAPI 3.0 document of the topic the service publishes, open like the OpenAPI document.
 * Each service names its {@link Publisher} with {@value #PUBLISHER}; the kit's
 * {@link dev.oneonone.kit.openapi.SuiteOpenApi} gives the operation its id in that service
 * ({@code getMeetingsEventContract}, ...) and an excerpt of the document as its example.
 */
@Path("/asyncapi")
@Tag(name = "Event contract", description = "What this service publishes on Kafka")
public class EventContractResource {
    /** The service's publisher, a {@link Publisher} constant name ({@code MEETINGS}, {@code AGENDA}, {@code INSIGHTS}). */
    public static final String PUBLISHER = "suite.event-contract.publisher";
    /** The id in the annotations; the filter makes it the service's own. */
    public static final String OPERATION_ID = "getEventContract";
    /** The path the document is served at. */
    public static final String PATH = "/asyncapi";

    private final String document;

    /** @param kafka the brokers the service is configured with; the first is the document's Kafka server */
    public EventContractResource(@ConfigProperty(name = PUBLISHER) Publisher publisher,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = AsyncApiDocument.LOCAL_KAFKA) String kafka) {
        this.document = AsyncApiDocument.of(publisher, kafka.split(",")[0].trim()).toPrettyString();
    }

    @GET
    @PermitAll
    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = OPERATION_ID, summary = "The AsyncAPI 3.0 document of the topic this service publishes",
            description = "One message per event type, with the CloudEvents headers and a JSON Schema per payload.")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public String asyncApi() {
        return document;
    }
}
