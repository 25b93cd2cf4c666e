package dev.oneonone.meetings.rest.scim;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * The checks a SCIM request body passes before it is used (RFC 7644 sections 3.3 and 3.5.2): its {@code schemas}, and
 * for a PATCH its operations, each path known and mutable. The UnboundID SDK parses and applies the operations; any
 * runtime exception it throws on a body it does not expect is the client's {@code invalidSyntax}, never a 500.
 */
final class ScimMessages {
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** The core User attributes (RFC 7643 section 4.1) and the common ones (section 3.1). */
    private static final Set<String> USER_ATTRIBUTES = lower(Set.of("id", "externalId", "meta", "userName", "name",
            "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone",
            "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses", "groups", "entitlements",
            "roles", "x509Certificates"));
    private static final Set<String> MULTI_VALUED = lower(Set.of("emails", "phoneNumbers", "ims", "photos", "addresses",
            "groups", "entitlements", "roles", "x509Certificates"));
    private static final Set<String> ENTERPRISE_ATTRIBUTES = lower(Set.of("employeeNumber", "costCenter", "organization",
            "division", "department", "manager"));
    /** Set by the service, never by a client (RFC 7643 section 3.1). */
    private static final Set<String> READ_ONLY = Set.of("id", "meta");
    private static final Set<String> OPS = Set.of("add", "remove", "replace");

    private ScimMessages() {
    }

    /** A User body (POST, PUT) names the User schema among its schemas; other extensions it names are ignored. */
    static void requireUserSchema(JsonNode body) {
        requireSchema(body, ScimUserMapping.USER_SCHEMA, "a SCIM User");
    }

    /**
     * The PatchOp message of a body, checked: the PatchOp schema, at least one operation, each an object whose path is
     * an attribute of the User or its extensions and not read-only. An {@code add} whose path is a single-valued
     * attribute becomes a {@code replace} (RFC 7644 section 3.5.2.1: add replaces a single-valued attribute's value).
     */
    static PatchRequest patchRequest(JsonNode body) {
        requireSchema(body, PATCH_SCHEMA, "a PatchOp message");
        JsonNode operations = ScimUserMapping.field((ObjectNode) body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw new ScimError(400, "invalidValue", "Operations: at least one operation is required");
        }
        for (JsonNode operation : operations) {
            JsonNode name = operation instanceof ObjectNode object ? ScimUserMapping.field(object, "op") : null;
            if (name == null || !name.isTextual()) {
                throw new ScimError(400, "invalidSyntax", "Operations: each operation must be an object with an op");
            }
            String kind = name.textValue().toLowerCase(Locale.ROOT);
            if (!OPS.contains(kind)) {
                throw new ScimError(400, "invalidSyntax", "Operations: op must be add, remove or replace");
            }
            ObjectNode op = (ObjectNode) operation;
            JsonNode path = ScimUserMapping.field(op, "path");
            if (path != null && !path.isNull() && !path.isTextual()) {
                throw new ScimError(400, "invalidSyntax", "Operations: path must be a string, an attribute path");
            }
            if (path != null && path.isTextual() && !path.textValue().isBlank()) {
                Path parsed = path(path.textValue());
                if (isEmails(parsed)) {
                    emails(ScimUserMapping.field(op, "value"));
                }
                if (kind.equals("add") && singleValued(parsed)) {
                    op.put("op", "replace");
                }
            } else if (kind.equals("remove")) {
                // RFC 7644 section 3.5.2.2: a remove without a path is noTarget
                throw new ScimError(400, "noTarget", "Operations: remove needs a path naming what to remove");
            } else {
                // RFC 7644 section 3.5.2.1 and 3.5.2.3: without a path, value's attributes are the paths
                JsonNode value = ScimUserMapping.field(op, "value");
                if (!(value instanceof ObjectNode attributes)) {
                    throw new ScimError(400, "invalidSyntax",
                            "Operations: an " + kind + " without a path needs a value that is an object of attributes");
                }
                pathlessValue(attributes);
            }
        }
        try {
            return JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(body);
        } catch (IOException | RuntimeException e) {
            throw new ScimError(400, "invalidSyntax", "Operations: each operation must be an object with op (add, remove or "
                    + "replace), path (a string) and value as RFC 7644 section 3.5.2 describes");
        }
    }

    /** Each attribute of a path-less add or replace passes the checks its path would: known, mutable. */
    private static void pathlessValue(ObjectNode attributes) {
        for (var entry : attributes.properties()) {
            String key = entry.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            if (key.equalsIgnoreCase(ScimUserMapping.ENTERPRISE_SCHEMA) || key.equalsIgnoreCase(ScimUserMapping.TEAM_SCHEMA)) {
                if (entry.getValue() instanceof ObjectNode extension) {
                    for (var inner : extension.properties()) {
                        path(key + ":" + inner.getKey());
                    }
                } else if (!entry.getValue().isNull()) {
                    throw ScimError.invalidValue(key, "must be an object of the extension's attributes");
                }
                continue;
            }
            if (isEmails(path(key))) {
                emails(entry.getValue());
            }
        }
    }

    /** Whether a path is the core emails attribute as a whole. */
    private static boolean isEmails(Path path) {
        boolean core = path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(ScimUserMapping.USER_SCHEMA);
        return core && path.size() == 1 && path.getElement(0).getValueFilter() == null
                && path.getElement(0).getAttribute().equalsIgnoreCase("emails");
    }

    /**
     * The emails an operation brings, checked before the SDK merges them (it may drop an element it cannot compare):
     * an email object or an array of them, each value a string.
     */
    private static void emails(JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        for (JsonNode email : value.isArray() ? value : List.of(value)) {
            if (!(email instanceof ObjectNode object)) {
                throw ScimError.invalidValue("emails", "each element must be an email object with a value");
            }
            JsonNode address = ScimUserMapping.field(object, "value");
            if (address != null && !address.isNull() && !address.isTextual()) {
                throw ScimError.invalidValue("emails.value", "must be a string");
            }
        }
    }

    /** The first line of the innermost cause's message. */
    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void requireSchema(JsonNode body, String schema, String what) {
        if (!(body instanceof ObjectNode object)) {
            throw new ScimError(400, "invalidSyntax", "The body must be a JSON object: " + what + ".");
        }
        JsonNode schemas = ScimUserMapping.field(object, "schemas");
        if (schemas == null || !schemas.isArray()) {
            throw new ScimError(400, "invalidSyntax", "schemas: must be an array of schema URIs naming " + schema);
        }
        for (JsonNode named : schemas) {
            if (named.isTextual() && named.textValue().equalsIgnoreCase(schema)) {
                return;
            }
        }
        throw new ScimError(400, "invalidValue", "schemas: must name " + schema);
    }

    /** A PATCH path: parsed, of a known attribute (invalidPath), and not read-only (mutability). */
    private static Path path(String text) {
        Path path;
        try {
            path = Path.fromString(text);
        } catch (ScimException | RuntimeException e) {
            throw new ScimError(400, "invalidPath", "path: " + text + " is not a valid attribute path"
                    + (e instanceof ScimException ? ": " + rootMessage(e) : ""));
        }
        String urn = path.getSchemaUrn();
        if (path.size() == 0) {
            if (urn != null && (urn.equalsIgnoreCase(ScimUserMapping.ENTERPRISE_SCHEMA)
                    || urn.equalsIgnoreCase(ScimUserMapping.TEAM_SCHEMA))) {
                return path; // an extension as a whole
            }
            throw new ScimError(400, "invalidPath", "path: " + text + " names no attribute of a User");
        }
        String attribute = path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
        boolean known;
        if (urn == null || urn.equalsIgnoreCase(ScimUserMapping.USER_SCHEMA)) {
            known = USER_ATTRIBUTES.contains(attribute);
            if (READ_ONLY.contains(attribute)) {
                throw new ScimError(400, "mutability", "path: " + text + " is read-only");
            }
        } else if (urn.equalsIgnoreCase(ScimUserMapping.ENTERPRISE_SCHEMA)) {
            known = ENTERPRISE_ATTRIBUTES.contains(attribute);
        } else if (urn.equalsIgnoreCase(ScimUserMapping.TEAM_SCHEMA)) {
            known = attribute.equals("team");
        } else {
            known = false;
        }
        if (!known) {
            throw new ScimError(400, "invalidPath", "path: " + text + " is no attribute of a User or its extensions");
        }
        return path;
    }

    /** Whether a path ends at a single value: anything but a multi-valued attribute as a whole. */
    private static boolean singleValued(Path path) {
        boolean core = path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(ScimUserMapping.USER_SCHEMA);
        return !(core && path.size() == 1 && path.getElement(0).getValueFilter() == null
                && MULTI_VALUED.contains(path.getElement(0).getAttribute().toLowerCase(Locale.ROOT)));
    }

    private static Set<String> lower(Set<String> names) {
        return Set.copyOf(names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
    }
}
