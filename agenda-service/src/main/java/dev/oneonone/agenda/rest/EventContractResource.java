package dev.oneonone.agenda.rest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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

/** The event contract of this service for other tools, open like the OpenAPI document. */
@Path("/asyncapi")
@Tag(name = "Event contract", description = "What this service publishes on Kafka")
public class EventContractResource {
    private final String document;

    /** @param kafka the brokers the service is configured with; the first is the document's Kafka server */
    public EventContractResource(
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = AsyncApiDocument.LOCAL_KAFKA) String kafka) {
        this.document = AsyncApiDocument.of(Publisher.AGENDA, kafka.split(",")[0].trim()).toPrettyString();
    }

    @GET
    @PermitAll
    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAgendaEventContract", summary = "The AsyncAPI 3.0 document of the events topic",
            description = "One message per event type, with the CloudEvents headers and a JSON Schema per payload.")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "excerpt",
                    value = """
                            {"asyncapi": "3.0.0", "info": {"title": "agenda-service events", "version": "1.0.0"},
                             "servers": {"kafka": {"host": "localhost:19092", "protocol": "kafka"}},
                             "channels": {"events": {"address": "oneonone.agenda.v1"}},
                             "components": {"messages": {"NoteWritten": {"name": "oneonone.agenda.NoteWritten"}}}}""")))
    public String asyncApi() {
        return document;
    }
}
