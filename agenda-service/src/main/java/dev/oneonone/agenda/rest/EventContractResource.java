package dev.oneonone.agenda.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.events.Topics;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.schema.AsyncApiDocument;
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
    private static final String DOCUMENT = AsyncApiDocument.of("agenda-service events",
            "What agenda-service records, as CloudEvents in Kafka binary mode: the topics of each meeting's agenda, "
                    + "their order, notes and templates applied (aggregate agenda, keyed by the meeting id) and agreements "
                    + "(aggregate agreement, keyed by its id). "
                    + "Payloads carry ids, kinds, times and counts, never the free text of a 1:1.",
            Topics.AGENDA, AgendaEvent.TYPE_PREFIX, payloads()).toPrettyString();

    @GET
    @PermitAll
    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The AsyncAPI 3.0 document of the events topic",
            description = "One message per event type, with the CloudEvents headers and a JSON Schema per payload.")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "excerpt",
                    value = """
                            {"asyncapi": "3.0.0", "info": {"title": "agenda-service events", "version": "1"},
                             "channels": {"oneonone.agenda.v1": {"address": "oneonone.agenda.v1"}},
                             "components": {"messages": {"NoteWritten": {"name": "oneonone.agenda.NoteWritten"}}}}""")))
    public String asyncApi() {
        return DOCUMENT;
    }

    private static List<Class<? extends Record>> payloads() {
        List<Class<? extends Record>> payloads = new ArrayList<>();
        AgendaEvent.payloadClasses().forEach(payload -> payloads.add(payload.asSubclass(Record.class)));
        return payloads;
    }
}
