package dev.oneonone.meetings.rest.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What this SCIM service provider supports (RFC 7644 section 4, RFC 7643 sections 5 to 7), exactly: the documents
 * are {@code scim/discovery.json}, with each {@code meta.location} made absolute.
 */
@Path("/scim/v2")
@Tag(name = "SCIM")
@Produces({ ScimErrors.MEDIA_TYPE, MediaType.APPLICATION_JSON })
@RolesAllowed(Caller.INTEGRATION)
public class ScimDiscoveryResource {
    private static final String SCIM = ScimErrors.MEDIA_TYPE;
    private static final String ERRORS = ScimUsersResource.ERRORS;

    private final ObjectMapper mapper;
    private final JsonNode documents;

    public ScimDiscoveryResource(ObjectMapper mapper) {
        this.mapper = mapper;
        try (InputStream in = ScimDiscoveryResource.class.getClassLoader().getResourceAsStream("scim/discovery.json")) {
            this.documents = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/ServiceProviderConfig")
    @Operation(operationId = "getScimServiceProviderConfig", summary = "What the SCIM service supports",
            description = "patch, filter (maxResults 200) and etag supported; bulk, sort and changePassword not; "
                    + "authentication by OAuth bearer token.",
            extensions = { @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS),
                    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true) })
    @APIResponse(responseCode = "200", description = "The ServiceProviderConfig",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Discovery.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Response serviceProviderConfig(@Context UriInfo uri) {
        return answer(located(documents.get("serviceProviderConfig"), uri));
    }

    @GET
    @Path("/Schemas")
    @Operation(operationId = "listScimSchemas", summary = "The SCIM schemas of the attributes kept",
            description = "User (core), the enterprise extension (department, manager) and the suite's team extension.",
            extensions = { @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS),
                    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true) })
    @APIResponse(responseCode = "200", description = "A ListResponse of Schemas",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Discovery.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Response schemas(@Context UriInfo uri) {
        return answer(list(documents.get("schemas"), uri));
    }

    @GET
    @Path("/Schemas/{schemaId}")
    @Operation(operationId = "getScimSchema", summary = "One SCIM schema",
            extensions = { @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS),
                    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true) })
    @APIResponse(responseCode = "200", description = "The Schema",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Discovery.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Response schema(@PathParam("schemaId") String schemaId, @Context UriInfo uri) {
        return answer(located(byId(documents.get("schemas"), schemaId), uri));
    }

    @GET
    @Path("/ResourceTypes")
    @Operation(operationId = "listScimResourceTypes", summary = "The SCIM resource types: User",
            extensions = { @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS),
                    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true) })
    @APIResponse(responseCode = "200", description = "A ListResponse of ResourceTypes",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Discovery.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Response resourceTypes(@Context UriInfo uri) {
        return answer(list(documents.get("resourceTypes"), uri));
    }

    @GET
    @Path("/ResourceTypes/{resourceTypeId}")
    @Operation(operationId = "getScimResourceType", summary = "One SCIM resource type",
            extensions = { @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS),
                    @Extension(name = ResponseHeaders.NO_DATABASE, value = "true", parseValue = true) })
    @APIResponse(responseCode = "200", description = "The ResourceType",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Discovery.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Response resourceType(@PathParam("resourceTypeId") String resourceTypeId, @Context UriInfo uri) {
        return answer(located(byId(documents.get("resourceTypes"), resourceTypeId), uri));
    }

    private ObjectNode list(JsonNode resources, UriInfo uri) {
        ObjectNode list = mapper.createObjectNode();
        list.putArray("schemas").add(ScimUsersResource.LIST_SCHEMA);
        list.put("totalResults", resources.size());
        list.put("startIndex", 1);
        list.put("itemsPerPage", resources.size());
        ArrayNode items = list.putArray("Resources");
        resources.forEach(resource -> items.add(located(resource, uri)));
        return list;
    }

    private static JsonNode byId(JsonNode resources, String id) {
        for (JsonNode resource : resources) {
            if (resource.path("id").asText().equalsIgnoreCase(id)) {
                return resource;
            }
        }
        throw new ScimError(404, null, "No " + id);
    }

    /** A copy whose meta.location is absolute. */
    private static ObjectNode located(JsonNode resource, UriInfo uri) {
        ObjectNode copy = resource.deepCopy();
        ObjectNode meta = (ObjectNode) copy.get("meta");
        meta.put("location", uri.getBaseUriBuilder().path("scim/v2").build() + "/" + meta.path("location").asText());
        return copy;
    }

    private static Response answer(JsonNode document) {
        return Response.ok(document.toString()).type(SCIM).build();
    }
}
