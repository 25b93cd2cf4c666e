package dev.oneonone.meetings.rest.scim;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;

import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.NotFoundException;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.kit.security.LeaverCheck;
import dev.oneonone.meetings.application.RejectedCommandException;
import dev.oneonone.meetings.application.people.LeaverSweep;
import dev.oneonone.meetings.application.people.PersonVersionConflictException;
import dev.oneonone.meetings.application.scim.DesiredUser;
import dev.oneonone.meetings.application.scim.ScimProvisioning;
import dev.oneonone.meetings.application.scim.ScimProvisioning.ProvisionedUser;
import dev.oneonone.meetings.application.scim.ScimProvisioning.ScimAttribute;
import dev.oneonone.meetings.config.OrganisationCalendar;
import dev.oneonone.meetings.domain.Rejection;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

/**
 * SCIM 2.0 Users (RFC 7644 section 3) for identity providers such as Okta and Microsoft Entra, on the directory:
 * each change is the same use case, and so the same events, as the REST API's, taking effect today in the
 * organisation's calendar. Integration tokens only.
 */
@Path("/scim/v2/Users")
@Tag(name = "SCIM", description = "SCIM 2.0 provisioning of the directory (RFC 7643, RFC 7644) for identity providers")
@Produces({ ScimErrors.MEDIA_TYPE, MediaType.APPLICATION_JSON })
@RolesAllowed(Caller.INTEGRATION)
public class ScimUsersResource {
    static final String SCIM = ScimErrors.MEDIA_TYPE;
    static final String ERRORS = SCIM + " ScimError";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    /** The most users one page answers (ServiceProviderConfig's filter.maxResults). */
    static final int MAX_RESULTS = 200;
    static final int DEFAULT_COUNT = 100;
    /** Identity providers send attributes and excludedAttributes (RFC 7644 section 3.9); users are small: all is answered. */
    static final String ATTRIBUTES_DOC = "Attributes to answer (RFC 7644 section 3.9), comma-separated. Accepted, "
            + "and the whole user is answered: RFC 7644 lets a service answer more than asked, and a user is small.";
    static final String EXCLUDED_DOC = "Attributes to leave out (RFC 7644 section 3.9), comma-separated. Accepted, "
            + "and the whole user is answered, as for attributes.";

    private final ScimProvisioning provisioning;
    private final OrganisationCalendar calendar;
    private final Clock clock;
    private final JsonWebToken token;
    private final ObjectMapper mapper;
    private final LeaverCheck leaverCheck;
    private final LeaverSweep leavers;

    public ScimUsersResource(ScimProvisioning provisioning, OrganisationCalendar calendar, Clock clock, JsonWebToken token,
            ObjectMapper mapper, LeaverCheck leaverCheck, LeaverSweep leavers) {
        this.provisioning = provisioning;
        this.calendar = calendar;
        this.clock = clock;
        this.token = token;
        this.mapper = mapper;
        this.leaverCheck = leaverCheck;
        this.leavers = leavers;
    }

    @POST
    @Consumes({ SCIM, MediaType.APPLICATION_JSON })
    @Operation(operationId = "createScimUser", summary = "Provision a user (SCIM)", description = "Registers a person "
            + "(PersonRegistered, effective today) from a SCIM User: displayName (else name.formatted, else givenName and "
            + "familyName, else userName) as the name, the primary email (else the first, else userName when it is an email "
            + "address), the enterprise extension's department and manager.value, the team extension's team. active false "
            + "ends the employment today (EmploymentEnded). Other attributes are ignored. A user deleted through SCIM today "
            + "with the same userName or externalId comes back with its id (EmploymentEndWithdrawn).",
            extensions = @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS))
    @RequestBody(required = true, content = {
            @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.User.class),
                    examples = @ExampleObject(name = "user", value = ScimDocuments.NEW_USER_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScimDocuments.User.class)) })
    @APIResponse(responseCode = "201", description = "Provisioned; the version in the ETag and meta.version",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.User.class),
                    examples = @ExampleObject(name = "user", value = ScimDocuments.USER_EXAMPLE)),
            headers = { @Header(name = "ETag", description = "A weak entity tag, e.g. W/\"1\"", required = true,
                    schema = @Schema(implementation = String.class)),
                    @Header(name = ResponseHeaders.LOCATION, description = "The user's absolute URL", required = true,
                            schema = @Schema(implementation = String.class)) })
    @APIResponse(responseCode = "400", description = "invalidValue naming the attribute, invalidSyntax",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "409", description = "uniqueness: userName or email taken",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "uniqueness", value = ScimDocuments.ERROR_EXAMPLE)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Uni<Response> create(byte[] body, @Context UriInfo uri) {
        String organisation = Caller.of(token).organisationId();
        JsonNode requested = read(body);
        ScimMessages.requireUserSchema(requested);
        DesiredUser desired = ScimUserMapping.desired(requested, true);
        UUID personId = UUID.randomUUID();
        return provisioning.create(organisation, personId, desired, clock.instant())
                .onFailure().transform(ScimUsersResource::scimError)
                .invoke(user -> afterEmploymentChange(organisation, user.person().personId))
                .map(user -> {
                    ObjectNode resource = resource(user, uri);
                    return Response.created(URI.create(resource.path("meta").path("location").asText()))
                            .tag(weak(user.version())).type(SCIM).entity(resource.toString()).build();
                });
    }

    @GET
    @WithSession
    @Operation(operationId = "listScimUsers", summary = "List or find users (SCIM)", description = "The organisation's "
            + "users provisioned through SCIM, oldest first, paged by startIndex (1-based) and count (at most "
            + MAX_RESULTS + "); filter by userName eq \"…\" (case-insensitive), externalId eq \"…\" or id eq \"…\".",
            extensions = @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS))
    @APIResponse(responseCode = "200", description = "A ListResponse",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.UserList.class),
                    examples = @ExampleObject(name = "found", value = ScimDocuments.LIST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "invalidFilter: a filter other than userName, externalId or id eq; "
            + "invalidValue: startIndex or count not a number",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Uni<Response> list(
            @Parameter(description = "A SCIM filter: userName eq \"…\", externalId eq \"…\" or id eq \"…\"",
                    example = "userName eq \"ada@acme.example\"") @QueryParam("filter") String filter,
            @Parameter(description = "1-based index of the first result; below 1 counts as 1", example = "1",
                    schema = @Schema(implementation = Integer.class)) @QueryParam("startIndex") String startIndex,
            @Parameter(description = "Results per page, 0 to " + MAX_RESULTS + " (0: totalResults only)", example = "100",
                    schema = @Schema(implementation = Integer.class)) @QueryParam("count") String count,
            @Parameter(description = ATTRIBUTES_DOC, example = "userName") @QueryParam("attributes") String attributes,
            @Parameter(description = EXCLUDED_DOC, example = "groups") @QueryParam("excludedAttributes") String excluded,
            @Context UriInfo uri) {
        String organisation = Caller.of(token).organisationId();
        int start = Math.max(1, number("startIndex", startIndex, 1));
        int size = Math.min(MAX_RESULTS, Math.max(0, number("count", count, DEFAULT_COUNT)));
        ScimAttribute attribute = null;
        String value = null;
        if (filter != null && !filter.isBlank()) {
            EqualFilter equal = equality(filter);
            // userName, or with the schema: urn:ietf:params:scim:schemas:core:2.0:User:userName (RFC 7644 section 3.10)
            com.unboundid.scim2.common.Path path = equal.getAttributePath();
            boolean core = path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(ScimUserMapping.USER_SCHEMA);
            String name = core && path.size() == 1 && path.getElement(0).getValueFilter() == null
                    ? path.getElement(0).getAttribute() : "";
            attribute = name.equalsIgnoreCase("userName") ? ScimAttribute.USER_NAME
                    : name.equalsIgnoreCase("externalId") ? ScimAttribute.EXTERNAL_ID
                    : name.equalsIgnoreCase("id") ? ScimAttribute.ID : null;
            if (attribute == null || !equal.getComparisonValue().isTextual()) {
                throw unsupportedFilter();
            }
            value = equal.getComparisonValue().textValue();
        }
        return provisioning.list(organisation, attribute, value, start - 1, size).map(page -> {
            ObjectNode list = mapper.createObjectNode();
            list.putArray("schemas").add(LIST_SCHEMA);
            list.put("totalResults", page.total());
            list.put("startIndex", start);
            list.put("itemsPerPage", page.users().size());
            var resources = list.putArray("Resources");
            page.users().forEach(user -> resources.add(resource(user, uri)));
            return Response.ok(list.toString()).type(SCIM).build();
        });
    }

    @GET
    @Path("/{userId}")
    @WithSession
    @Operation(operationId = "getScimUser", summary = "Read a user (SCIM)",
            extensions = @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS))
    @APIResponse(responseCode = "200", description = "The user; the version in the ETag",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.User.class)),
            headers = @Header(name = "ETag", description = "A weak entity tag, e.g. W/\"1\"", required = true,
                    schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such user (or deleted)",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Uni<Response> get(@PathParam("userId") String userId,
            @Parameter(description = ATTRIBUTES_DOC, example = "userName") @QueryParam("attributes") String attributes,
            @Parameter(description = EXCLUDED_DOC, example = "groups") @QueryParam("excludedAttributes") String excluded,
            @Context UriInfo uri) {
        String organisation = Caller.of(token).organisationId();
        return provisioning.find(organisation, id(userId))
                .onFailure().transform(ScimUsersResource::scimError)
                .map(user -> Response.ok(resource(user, uri).toString()).tag(weak(user.version())).type(SCIM).build());
    }

    @PUT
    @Path("/{userId}")
    @Consumes({ SCIM, MediaType.APPLICATION_JSON })
    @Operation(operationId = "replaceScimUser", summary = "Replace a user (SCIM)", description = "Changes the entry "
            + "from today (PersonDetailsChanged, ReportingLineChanged as for PUT /people/{personId}); active false ends the "
            + "employment today, active true on a leaver rehires them from today (PersonRehired), on a person whose last "
            + "day is today withdraws that end (EmploymentEndWithdrawn). A leaver who stays inactive keeps their entry (the "
            + "directory's rule); only userName and externalId change. If-Match: the version read, else 412.",
            extensions = @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS))
    @RequestBody(required = true, content = {
            @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.User.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScimDocuments.User.class)) })
    @APIResponse(responseCode = "200", description = "The user as it is now; the version in the ETag",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.User.class)),
            headers = @Header(name = "ETag", description = "A weak entity tag, e.g. W/\"2\"", required = true,
                    schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", description = "invalidValue naming the attribute, invalidSyntax",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "409", description = "uniqueness: userName or email taken; or a concurrent change",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the user's version",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Uni<Response> replace(@PathParam("userId") String userId,
            @Parameter(description = "The version read, e.g. W/\"3\"") @HeaderParam("If-Match") String ifMatch,
            byte[] body, @Context UriInfo uri) {
        String organisation = Caller.of(token).organisationId();
        UUID personId = id(userId);
        Long expected = ifMatch(ifMatch);
        JsonNode requested = read(body);
        ScimMessages.requireUserSchema(requested);
        DesiredUser desired = ScimUserMapping.desired(requested, null);
        return provisioning.replace(organisation, personId, expected, desired, clock.instant())
                .onFailure().transform(ScimUsersResource::scimError)
                .invoke(user -> afterEmploymentChange(organisation, personId))
                .map(user -> Response.ok(resource(user, uri).toString()).tag(weak(user.version())).type(SCIM).build());
    }

    @PATCH
    @Path("/{userId}")
    @Consumes({ SCIM, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchScimUser", summary = "Change a user (SCIM PATCH)", description = "Applies the "
            + "operations (add, replace, remove; op in any case, as Microsoft Entra sends Replace; paths with value filters "
            + "such as emails[type eq \"work\"].value; active as a boolean or \"True\"/\"False\") to the user as it is, "
            + "then replaces it as PUT does: active false ends the employment today, true rehires a leaver.",
            extensions = @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS))
    @RequestBody(required = true, content = {
            @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Patch.class),
                    examples = @ExampleObject(name = "deactivate", value = ScimDocuments.PATCH_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScimDocuments.Patch.class)) })
    @APIResponse(responseCode = "200", description = "The user as it is now; the version in the ETag",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.User.class)),
            headers = @Header(name = "ETag", description = "A weak entity tag, e.g. W/\"2\"", required = true,
                    schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", description = "invalidValue naming the attribute, invalidPath, mutability (id, meta), "
            + "noTarget (remove without a path), invalidSyntax",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "409", description = "uniqueness: userName or email taken; or a concurrent change",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the user's version",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @WithSession
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Uni<Response> patch(@PathParam("userId") String userId,
            @Parameter(description = "The version read, e.g. W/\"3\"") @HeaderParam("If-Match") String ifMatch,
            byte[] body, @Context UriInfo uri) {
        String organisation = Caller.of(token).organisationId();
        UUID personId = id(userId);
        Long expected = ifMatch(ifMatch);
        PatchRequest patch = ScimMessages.patchRequest(read(body));
        return provisioning.find(organisation, personId)
                .chain(current -> {
                    if (expected != null && expected != current.version()) {
                        throw new ScimProvisioning.StaleVersion(personId, expected);
                    }
                    GenericScimResource resource = new GenericScimResource(resource(current, uri));
                    try {
                        patch.apply(resource);
                    } catch (ScimException refused) {
                        throw new ScimError(400, refused.getScimError().getScimType() == null ? "invalidValue"
                                : refused.getScimError().getScimType(), refused.getMessage());
                    } catch (RuntimeException unexpected) {
                        // the SDK choking on a value it does not expect is still the client's body at fault
                        throw new ScimError(400, "invalidSyntax", "The operations cannot be applied to the user: "
                                + "a value does not fit its attribute's type");
                    }
                    DesiredUser desired = ScimUserMapping.desired(resource.getObjectNode(), null);
                    return provisioning.replace(organisation, personId, current.version(), desired, clock.instant());
                })
                .onFailure().transform(ScimUsersResource::scimError)
                .invoke(user -> afterEmploymentChange(organisation, personId))
                .map(user -> Response.ok(resource(user, uri).toString()).tag(weak(user.version())).type(SCIM).build());
    }

    @DELETE
    @Path("/{userId}")
    @Operation(operationId = "deleteScimUser", summary = "Delete a user (SCIM)", description = "Ends the employment "
            + "with today as the last day (EmploymentEnded; nothing when it has already ended by today) and removes the "
            + "user from SCIM: every later request for it answers 404. The person stays in the directory as a leaver, "
            + "with their history (RFC 7644 section 3.6 allows keeping it).",
            extensions = @Extension(name = ResponseHeaders.ERROR_CONTENT, value = ERRORS))
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A concurrent change",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the user's version",
            content = @Content(mediaType = SCIM, schema = @Schema(implementation = ScimDocuments.Error.class)))
    @APIResponse(responseCode = "429", description = ScimDocuments.TOO_MANY_REQUESTS,
            content = @Content(mediaType = ScimErrors.MEDIA_TYPE, schema = @Schema(implementation = ScimDocuments.Error.class),
                    examples = @ExampleObject(name = "rate-limited", value = ScimDocuments.TOO_MANY_REQUESTS_EXAMPLE)))
    public Uni<Response> delete(@PathParam("userId") String userId,
            @Parameter(description = "The version read, e.g. W/\"3\"") @HeaderParam("If-Match") String ifMatch) {
        String organisation = Caller.of(token).organisationId();
        UUID personId = id(userId);
        return provisioning.delete(organisation, personId, ifMatch(ifMatch), clock.instant())
                .onFailure().transform(ScimUsersResource::scimError)
                .invoke(() -> afterEmploymentChange(organisation, personId))
                .map(nothing -> Response.noContent().build());
    }

    private ObjectNode resource(ProvisionedUser user, UriInfo uri) {
        LocalDate today = calendar.today(user.person().organisationId);
        String location = uri.getBaseUriBuilder().path("scim/v2/Users").path(user.person().personId.toString()).build()
                .toString();
        return ScimUserMapping.resource(mapper, user, today, location);
    }

    /** As the REST API does after an employment change: refused from the day after at once, series ended when due. */
    private void afterEmploymentChange(String organisation, UUID personId) {
        leaverCheck.forget(organisation, personId);
        leavers.soon();
    }

    private JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ScimError(400, "invalidSyntax", "The request needs a JSON body.");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ScimError(400, "invalidSyntax", "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScimError(400, "invalidSyntax", "The body could not be read.");
        }
    }

    private static EqualFilter equality(String filter) {
        Filter parsed;
        try {
            parsed = Filter.fromString(filter);
        } catch (ScimException | IllegalArgumentException e) {
            throw new ScimError(400, "invalidFilter", "The filter is not valid SCIM filter syntax"
                    + (e instanceof ScimException ? ": " + ScimMessages.rootMessage(e) : ""));
        }
        if (parsed instanceof EqualFilter equal) {
            return equal;
        }
        throw unsupportedFilter();
    }

    private static ScimError unsupportedFilter() {
        return new ScimError(400, "invalidFilter",
                "Only the filters userName eq \"…\", externalId eq \"…\" and id eq \"…\" are supported.");
    }

    private static int number(String parameter, String value, int byDefault) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ScimError(400, "invalidValue", parameter + ": must be an integer");
        }
    }

    /** An id that is no UUID names no user: 404 like any unknown id. */
    private static UUID id(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw new ScimError(404, null, "No user " + userId);
        }
    }

    /** The version of If-Match: W/"3" or "3"; null for none or *. Any other value matches no version: 412. */
    private static Long ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,17})\"").matcher(ifMatch.trim());
        if (!tag.matches()) {
            throw new ScimError(412, null, "If-Match must be the user's version as given in its ETag, e.g. W/\"3\".");
        }
        return Long.parseLong(tag.group(1));
    }

    private static EntityTag weak(long version) {
        return new EntityTag(Long.toString(version), true);
    }

    /** The application's refusals as SCIM errors. */
    private static Throwable scimError(Throwable e) {
        if (e instanceof ScimError) {
            return e;
        }
        if (e instanceof ScimProvisioning.StaleVersion stale) {
            return new ScimError(412, null, stale.getMessage());
        }
        if (e instanceof ScimProvisioning.UserNameTaken taken) {
            return new ScimError(409, "uniqueness", taken.getMessage());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("scim_identity_user_name")) {
                // two creates of one userName at once: the unique index refused the second
                return new ScimError(409, "uniqueness", "Another user of this organisation has this userName.");
            }
        }
        if (e instanceof NotFoundException || e instanceof jakarta.ws.rs.NotFoundException) {
            return new ScimError(404, null, e.getMessage());
        }
        if (e instanceof PersonVersionConflictException) {
            return new ScimError(409, null, "The user changed meanwhile; read it again and retry.");
        }
        if (e instanceof RejectedCommandException rejected) {
            Rejection why = rejected.rejection();
            return switch (why.reason()) {
                case "email-taken", "person-exists" -> new ScimError(409, "uniqueness", "emails: " + why.detail());
                case "employment-ended", "still-employed", "no-pending-end" -> new ScimError(409, null, why.detail());
                default -> new ScimError(400, "invalidValue", attribute(why.field()) + why.detail());
            };
        }
        return e;
    }

    /** The SCIM attribute of a directory field a rule refused. */
    private static String attribute(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case "managerId" -> ScimUserMapping.ENTERPRISE_SCHEMA + ":manager.value: ";
            case "department" -> ScimUserMapping.ENTERPRISE_SCHEMA + ":department: ";
            case "team" -> ScimUserMapping.TEAM_SCHEMA + ":team: ";
            case "email" -> "emails: ";
            case "name" -> "displayName: ";
            default -> field + ": ";
        };
    }
}
