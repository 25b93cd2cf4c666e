package dev.oneonone.kit.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.servers.Server;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.events.schema.AsyncApiDocument;
import dev.oneonone.events.schema.Publisher;
import dev.oneonone.kit.events.EventContractResource;
import dev.oneonone.kit.problem.DatabaseOutage;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.ratelimit.RateLimits;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.kit.security.LeaverCheck;

/**
 * The suite's OpenAPI conventions, applied to every service's document once (registered as {@code mp.openapi.filter}
 * in the kit's {@code META-INF/microprofile-config.properties}; Quarkus runs it when it builds the document, so the
 * stored and the served document are the same). What it adds is what the kit really answers
 * (docs/api-standards.md, "OpenAPI conventions"):
 * <ul>
 * <li>every 4xx and 5xx answer has {@code application/problem+json} content with the {@code Problem} schema (RFC 9457);
 * <li>the answers of the kit on each operation, where the service did not document them itself: 400 (an operation with
 * parameters or a body), 401 and 403 (a secured operation), 404 (a path with parameters), 406 (an answer with content),
 * 413 and 415 (a request body), 414, 429 with {@code Retry-After} and 431 (every operation), 503 with
 * {@code Retry-After} (every operation but those marked {@link ResponseHeaders#NO_DATABASE});
 * <li>response headers: {@code Idempotent-Replayed} on the 2xx answers of an operation that takes an
 * {@code Idempotency-Key}, {@code Retry-After} on 503, and the {@code components.headers} that services refer to from
 * their answers ({@code ETag}, {@code Location}: {@link ResponseHeaders}); {@code RateLimit-Policy} and
 * {@code RateLimit} on every answer ({@link dev.oneonone.kit.ratelimit.RateLimits});
 * <li>on an operation open to person, director or HR tokens, its own 403 also names {@code employment-ended} (a
 * leaver's token, {@link LeaverCheck}), with a problem example of it;
 * <li>{@code security: []} on open operations (no security requirement), a description on each server (and the
 * variable {@code host}, default {@code localhost}, for a URL such as {@code http://{host}:8081}), and the licence
 * (Apache-2.0) when the service states none.
 * </ul>
 * Running it again on its own output changes nothing.
 */
public class SuiteOpenApi implements OASFilter {
    static final String LICENSE = "Apache-2.0";
    /** Who answers for the suite's APIs, named in each document's {@code info.contact} when the service names no one. */
    static final String CONTACT_NAME = "One-on-one suite maintainers";
    static final String CONTACT_URL = "https://oneonone.dev/api";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String SERVER_DESCRIPTION = "The service run locally (deploy/local, or ./mvnw quarkus:dev)";

    static final String EMPLOYMENT_ENDED = LeaverCheck.TYPE;
    /** What Quarkus writes on the 403 it adds to a secured operation: no description of its own. */
    static final String GENERATED_403 = "Not Allowed";
    static final String LEAVER_SUFFIX = "; or the caller's employment has ended (" + EMPLOYMENT_ENDED + ")";
    private static final Set<String> PEOPLE_ROLES = Set.of(Caller.PERSON, Caller.DIRECTOR, Caller.HR);
    private static final Map<String, Object> EMPLOYMENT_ENDED_EXAMPLE = new LinkedHashMap<>();
    private static final Map<String, Object> RATE_LIMITED_EXAMPLE = ordered("type", Problem.TYPE_BASE + RateLimits.TYPE,
            "title", RateLimits.TITLE, "status", 429, "detail", "This client has used its budget of 600 requests per 60 s "
                    + "(policy integration); try again in 12 s.", "instance", "/series");

    static {
        EMPLOYMENT_ENDED_EXAMPLE.put("type", Problem.TYPE_BASE + EMPLOYMENT_ENDED);
        EMPLOYMENT_ENDED_EXAMPLE.put("title", LeaverCheck.TITLE);
        EMPLOYMENT_ENDED_EXAMPLE.put("status", 403);
        EMPLOYMENT_ENDED_EXAMPLE.put("detail", LeaverCheck.DETAIL);
        EMPLOYMENT_ENDED_EXAMPLE.put("instance", "/series");
    }

    private static final String RATE_LIMIT_POLICY_PATTERN = "^\"[a-z][a-z0-9-]*\";q=[0-9]+;w=[0-9]+$";
    private static final String RATE_LIMIT_PATTERN = "^\"[a-z][a-z0-9-]*\";r=[0-9]+;t=[0-9]+$";
    private static final String RATE_LIMITED_RETRY_AFTER = "Seconds until the client's budget allows a request again.";
    private static final String RETRY_AFTER_DESCRIPTION = "Seconds to wait before trying again: the database cannot be reached.";

    /** The kit's problem answers, each in {@code components.responses}, by status. */
    private static final Map<String, String[]> KIT_ANSWERS = Map.ofEntries(
            Map.entry("400", new String[] { "InvalidInput", "Invalid input (invalid-input, naming each field) or a body that is not JSON (malformed-json)" }),
            Map.entry("401", new String[] { "Unauthenticated", "A valid bearer token is required" }),
            Map.entry("403", new String[] { "Forbidden", "The caller's role or organisation does not allow this (forbidden), or the caller's employment has ended: a person past their last day (employment-ended)" }),
            Map.entry("404", new String[] { "NotFound", "Not found in the caller's organisation" }),
            Map.entry("406", new String[] { "NotAcceptable", "The Accept header allows none of the answer's media types" }),
            Map.entry("413", new String[] { "BodyTooLarge", "The request body is over the limit (body-too-large)" }),
            Map.entry("414", new String[] { "UriTooLong", "The request's path and query are over 8 KiB (uri-too-long)" }),
            Map.entry("415", new String[] { "UnsupportedMediaType", "The request body is not application/json" }),
            Map.entry("429", new String[] { "TooManyRequests", "The client's rate limit budget is used up (rate-limited): try again after Retry-After seconds; nothing was changed" }),
            Map.entry("431", new String[] { "HeadersTooLarge", "The request headers are over 16 KiB in all (headers-too-large)" }),
            Map.entry("503", new String[] { "ServiceUnavailable", "The service cannot reach its database (service-unavailable); try again after Retry-After seconds" }));

    /**
     * A nullable field of a record type comes out of SmallRye as {@code type: object} beside
     * {@code anyOf: [{$ref}, {type: null}]}, which refuses the null the {@code anyOf} allows: the type gets "null" too.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        if (types != null && !types.contains(Schema.SchemaType.NULL) && schema.getAnyOf() != null
                && schema.getAnyOf().stream().anyMatch(branch -> List.of(Schema.SchemaType.NULL).equals(branch.getType()))) {
            List<Schema.SchemaType> nullable = new ArrayList<>(types);
            nullable.add(Schema.SchemaType.NULL);
            schema.setType(nullable);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        eventContract(openApi);
        Components components = openApi.getComponents() == null ? OASFactory.createComponents() : openApi.getComponents();
        openApi.setComponents(components);
        if (components.getResponses() != null && components.getResponses().containsKey(KIT_ANSWERS.get("503")[0])) {
            return; // applied already
        }
        describeServers(openApi);
        license(openApi);
        addHeaders(components);
        addAnswers(components);
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> conventions(item, operation)));
        }
        removeUnused(openApi, components);
        rateLimitHeaders(openApi, components);
        SchemaRules.apply(openApi);
    }

    /**
     * The kit's {@code GET /asyncapi} ({@link EventContractResource}) gets the service's own operationId, unique across
     * the suite ({@code getMeetingsEventContract}, {@code getAgendaEventContract}, {@code getInsightsEventContract}),
     * and an excerpt of the service's AsyncAPI document as its example. The service is the one its configuration names
     * ({@value EventContractResource#PUBLISHER}), else the one whose name is the document's title.
     */
    private static void eventContract(OpenAPI openApi) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().getPathItem(EventContractResource.PATH);
        Operation get = item == null ? null : item.getGET();
        if (get == null || !EventContractResource.OPERATION_ID.equals(get.getOperationId())) {
            return; // no event contract here, or named already
        }
        Publisher publisher = publisher(openApi);
        String name = publisher.name().charAt(0) + publisher.name().substring(1).toLowerCase(Locale.ROOT);
        get.setOperationId("get" + name + "EventContract");
        ObjectNode document = AsyncApiDocument.of(publisher, AsyncApiDocument.LOCAL_KAFKA);
        String first = document.path("components").path("messages").fieldNames().next();
        Map<String, Object> excerpt = ordered("asyncapi", document.get("asyncapi").asText(),
                "info", ordered("title", document.at("/info/title").asText(), "version", document.at("/info/version").asText()),
                "servers", ordered("kafka", ordered("host", AsyncApiDocument.LOCAL_KAFKA, "protocol", "kafka")),
                "channels", ordered(AsyncApiDocument.channelId(publisher), ordered("address", publisher.topic())),
                "components", ordered("messages", ordered(first, ordered("name", publisher.typePrefix() + first))));
        MediaType json = get.getResponses().getAPIResponse("200").getContent().getMediaType("application/json");
        if (json.getExamples() == null || json.getExamples().isEmpty()) {
            json.addExample("excerpt", OASFactory.createExample().summary("The start of the document").value(excerpt));
        }
    }

    private static Publisher publisher(OpenAPI openApi) {
        String configured;
        try {
            configured = ConfigProvider.getConfig().getOptionalValue(EventContractResource.PUBLISHER, String.class).orElse(null);
        } catch (IllegalStateException e) {
            configured = null; // no configuration where the filter runs: the title names the service
        }
        String title = openApi.getInfo() == null ? null : openApi.getInfo().getTitle();
        for (Publisher publisher : Publisher.values()) {
            if (configured == null ? publisher.service().equals(title) : publisher.name().equals(configured.trim())) {
                return publisher;
            }
        }
        throw new IllegalStateException("GET " + EventContractResource.PATH + " needs " + EventContractResource.PUBLISHER
                + " (one of " + List.of(Publisher.values()) + "), was " + configured + " with the document titled " + title);
    }

    /** A map in the order given (keys and values alternating), so that the document is the same on every build. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The kit's answers and headers no operation refers to are left out (a service without such operation). */
    private static void removeUnused(OpenAPI openApi, Components components) {
        java.util.Set<String> used = new java.util.HashSet<>();
        java.util.function.Consumer<APIResponse> collect = response -> {
            if (response.getRef() != null) {
                used.add(response.getRef());
            }
            if (response.getHeaders() != null) {
                response.getHeaders().values().forEach(header -> used.add(String.valueOf(header.getRef())));
            }
        };
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            openApi.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> operation.getResponses().getAPIResponses().values().forEach(collect)));
        }
        components.getResponses().values().forEach(collect);
        KIT_ANSWERS.values().forEach(answer -> {
            if (!used.contains("#/components/responses/" + answer[0]) && !answer[0].equals(KIT_ANSWERS.get("503")[0])) {
                components.removeResponse(answer[0]);
            }
        });
        for (String header : new String[] { ResponseHeaders.ETAG, ResponseHeaders.LOCATION, ResponseHeaders.IDEMPOTENT_REPLAYED }) {
            if (!used.contains("#/components/headers/" + header)) {
                components.removeHeader(header);
            }
        }
    }

    private static void describeServers(OpenAPI openApi) {
        if (openApi.getServers() == null) {
            return;
        }
        for (Server server : openApi.getServers()) {
            if (server.getDescription() == null) {
                server.setDescription(SERVER_DESCRIPTION);
            }
            if (server.getUrl().contains("{host}") && (server.getVariables() == null || !server.getVariables().containsKey("host"))) {
                server.addVariable("host", OASFactory.createServerVariable().defaultValue("localhost")
                        .description("The host the service runs on"));
            }
        }
    }

    private static void license(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? OASFactory.createInfo() : openApi.getInfo();
        openApi.setInfo(info);
        if (info.getLicense() == null) {
            info.setLicense(OASFactory.createLicense().name(LICENSE).identifier(LICENSE));
        }
        if (info.getContact() == null) {
            info.setContact(OASFactory.createContact().name(CONTACT_NAME).url(CONTACT_URL));
        }
    }

    private static void addHeaders(Components components) {
        addHeader(components, ResponseHeaders.ETAG, "The version of what this answer shows, a quoted number such as \"3\";"
                + " send it in If-Match to change it only at that version.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^\"(0|[1-9][0-9]*)\"$"), true);
        addHeader(components, ResponseHeaders.LOCATION, "The absolute URI of the created resource on this service"
                + " (http://host:port/path), which GET answers.", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("uri"), true);
        addHeader(components, ResponseHeaders.IDEMPOTENT_REPLAYED, "true when this answer is the first answer to the same"
                + " Idempotency-Key, replayed: nothing was created now.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true"), false);
        addHeader(components, ResponseHeaders.RETRY_AFTER, RETRY_AFTER_DESCRIPTION,
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)
                        .examples(List.of(DatabaseOutage.RETRY_AFTER_SECONDS)), true);
        addHeader(components, ResponseHeaders.RATE_LIMIT_POLICY, "The client's rate limit policy"
                + " (draft-ietf-httpapi-ratelimit-headers-11): its name (the role, anonymous or import), q the requests"
                + " allowed per window, w the window in seconds. Counted per instance of the service.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(RATE_LIMIT_POLICY_PATTERN)
                        .examples(List.of("\"integration\";q=600;w=60")), false);
        addHeader(components, ResponseHeaders.RATE_LIMIT, "What is left of the client's rate limit policy (same draft):"
                + " r the requests left, t the seconds until the whole quota is available again.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(RATE_LIMIT_PATTERN)
                        .examples(List.of("\"integration\";r=599;t=1")), false);
    }

    private static void addHeader(Components components, String name, String description, Schema schema, boolean required) {
        if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
            components.addHeader(name, OASFactory.createHeader().description(description).schema(schema).required(required));
        }
    }

    private static void addAnswers(Components components) {
        KIT_ANSWERS.forEach((status, answer) -> {
            APIResponse response = OASFactory.createAPIResponse().description(answer[1]).content(problemContent());
            if (status.equals("503")) {
                response.addHeader(ResponseHeaders.RETRY_AFTER, OASFactory.createHeader().ref(ResponseHeaders.RETRY_AFTER));
            }
            if (status.equals("401")) {
                wwwAuthenticate(response);
            }
            if (status.equals("429")) {
                rateLimitedRetryAfter(response);
                response.getContent().getMediaType(Problem.MEDIA_TYPE).addExample(RateLimits.TYPE,
                        OASFactory.createExample().value(RATE_LIMITED_EXAMPLE));
            }
            components.addResponse(answer[0], response);
        });
    }

    /** Every answer of every operation (its own and the components' it refers to) states the client's rate limit. */
    private static void rateLimitHeaders(OpenAPI openApi, Components components) {
        java.util.function.Consumer<APIResponse> add = response -> {
            if (response.getRef() == null) {
                header(response, ResponseHeaders.RATE_LIMIT_POLICY);
                header(response, ResponseHeaders.RATE_LIMIT);
            }
        };
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            openApi.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> operation.getResponses().getAPIResponses().values().forEach(add)));
        }
        components.getResponses().values().forEach(add);
    }

    /** A 429's Retry-After: when the budget allows a request again (the component's Retry-After speaks of the database). */
    private static void rateLimitedRetryAfter(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(ResponseHeaders.RETRY_AFTER)) {
            response.addHeader(ResponseHeaders.RETRY_AFTER, OASFactory.createHeader().description(RATE_LIMITED_RETRY_AFTER)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)
                            .examples(List.of(12)))
                    .required(true));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static void conventions(PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> !requirement.getSchemes().isEmpty());
        if (!secured) {
            operation.setSecurity(new ArrayList<SecurityRequirement>());
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasPathParameter = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean answersContent = responses.getAPIResponses() != null && responses.getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                        && e.getValue().getContent().getMediaTypes() != null && !e.getValue().getContent().getMediaTypes().isEmpty());
        boolean database = operation.getExtensions() == null || !operation.getExtensions().containsKey(ResponseHeaders.NO_DATABASE);
        if (!database) { // SmallRye copies a method's @Extension onto its answers too: a marker for this filter only
            operation.removeExtension(ResponseHeaders.NO_DATABASE);
            responses.getAPIResponses().values().forEach(response -> response.removeExtension(ResponseHeaders.NO_DATABASE));
        }
        Object errorContent = operation.getExtensions() == null ? null : operation.getExtensions().get(ResponseHeaders.ERROR_CONTENT);
        if (errorContent != null) {
            operation.removeExtension(ResponseHeaders.ERROR_CONTENT);
            otherErrors(responses, String.valueOf(errorContent), !parameters.isEmpty() || hasBody, secured, hasPathParameter,
                    answersContent, hasBody, database);
            return;
        }

        if (secured && openToPeople(operation)) {
            leaversToo(responses.getAPIResponse("403"));
        }
        addAnswer(responses, "400", !parameters.isEmpty() || hasBody);
        addAnswer(responses, "401", secured);
        addAnswer(responses, "403", secured);
        addAnswer(responses, "404", hasPathParameter);
        addAnswer(responses, "406", answersContent);
        addAnswer(responses, "413", hasBody);
        addAnswer(responses, "414", true);
        addAnswer(responses, "415", hasBody);
        addAnswer(responses, "429", true);
        addAnswer(responses, "431", true);
        addAnswer(responses, "503", database);

        boolean idempotent = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && IdempotentCreates.HEADER.equalsIgnoreCase(p.getName()));
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(response);
            }
            if (status.equals("503")) {
                header(response, ResponseHeaders.RETRY_AFTER);
            }
            if (status.equals("429")) {
                rateLimitedRetryAfter(response);
            }
            if (status.equals("401")) {
                wwwAuthenticate(response);
            }
            if (idempotent && status.startsWith("2")) {
                header(response, ResponseHeaders.IDEMPOTENT_REPLAYED);
            }
        });
    }

    /**
     * The error answers of an operation that speaks another protocol's errors ({@link ResponseHeaders#ERROR_CONTENT}):
     * the same statuses as the kit's, each with that media type and schema, and the operation's own error answers too.
     */
    private static void otherErrors(APIResponses responses, String errorContent, boolean takesInput, boolean secured,
            boolean hasPathParameter, boolean answersContent, boolean hasBody, boolean database) {
        String[] mediaTypeAndSchema = errorContent.trim().split("\\s+", 2);
        java.util.function.Supplier<Content> content = () -> OASFactory.createContent().addMediaType(mediaTypeAndSchema[0],
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(mediaTypeAndSchema[1])));
        Map<String, Boolean> applies = new LinkedHashMap<>();
        applies.put("400", takesInput);
        applies.put("401", secured);
        applies.put("403", secured);
        applies.put("404", hasPathParameter);
        applies.put("406", answersContent);
        applies.put("413", hasBody);
        applies.put("414", true);
        applies.put("415", hasBody);
        applies.put("429", true);
        applies.put("431", true);
        applies.put("503", database);
        applies.forEach((status, add) -> {
            if (add && !responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(KIT_ANSWERS.get(status)[1]));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (!(status.startsWith("4") || status.startsWith("5"))) {
                return;
            }
            if (response.getContent() == null || response.getContent().getMediaType(mediaTypeAndSchema[0]) == null) {
                response.setContent(content.get());
            } else {
                response.setContent(OASFactory.createContent().addMediaType(mediaTypeAndSchema[0],
                        response.getContent().getMediaType(mediaTypeAndSchema[0])));
            }
            if (status.equals("401")) {
                response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("Bearer")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).required(true));
            }
            if (status.equals("503")) {
                header(response, ResponseHeaders.RETRY_AFTER);
            }
            if (status.equals("429")) {
                rateLimitedRetryAfter(response);
            }
        });
    }

    /**
     * True when a person's token may call the operation: a security requirement naming no roles (any token) or the
     * role person, director or hr, whose tokens {@link dev.oneonone.kit.security.LeaverCheck} refuses after the
     * person's last day.
     */
    private static boolean openToPeople(Operation operation) {
        return operation.getSecurity().stream().flatMap(requirement -> requirement.getSchemes().values().stream())
                .anyMatch(roles -> roles == null || roles.isEmpty() || roles.stream().anyMatch(PEOPLE_ROLES::contains));
    }

    /** The operation's own 403 says that a leaver is refused too, with a problem example of it. */
    private static void leaversToo(APIResponse forbidden) {
        if (forbidden == null || forbidden.getRef() != null) {
            return; // the kit's Forbidden answer says so already
        }
        String description = forbidden.getDescription() == null ? "" : forbidden.getDescription();
        if (description.isEmpty() || description.equals(GENERATED_403)) {
            forbidden.setDescription(KIT_ANSWERS.get("403")[1]);
        } else if (!description.contains(EMPLOYMENT_ENDED)) {
            forbidden.setDescription(description + LEAVER_SUFFIX);
        }
        problem(forbidden);
        MediaType content = forbidden.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (content.getExample() != null) { // one example: kept as the first of several
            content.addExample("forbidden", OASFactory.createExample().value(content.getExample()));
            content.setExample(null);
        }
        if (content.getExamples() == null || !content.getExamples().containsKey(EMPLOYMENT_ENDED)) {
            content.addExample(EMPLOYMENT_ENDED, OASFactory.createExample()
                    .summary("The caller's employment has ended").value(EMPLOYMENT_ENDED_EXAMPLE));
        }
    }

    private static void addAnswer(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(KIT_ANSWERS.get(status)[0]));
        }
    }

    /** An error answer's content is the problem detail, whatever media type the service wrote its examples under. */
    private static void problem(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            response.setContent(problemContent());
            return;
        }
        MediaType kept = content.getMediaType(Problem.MEDIA_TYPE);
        if (kept == null) {
            kept = content.getMediaTypes().values().iterator().next();
        }
        if (kept.getSchema() == null) {
            kept.setSchema(OASFactory.createSchema().ref("Problem"));
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, kept));
    }

    /** Every 401 names the scheme the token is sent with (RFC 9110 section 11.6.1; Quarkus answers {@code Bearer}). */
    private static void wwwAuthenticate(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(WWW_AUTHENTICATE)) {
            response.addHeader(WWW_AUTHENTICATE, OASFactory.createHeader()
                    .description("The authentication scheme to use: Bearer (a JWT in the Authorization header)")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^Bearer( .*)?$")).required(true));
        }
    }

    private static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
    }
}
