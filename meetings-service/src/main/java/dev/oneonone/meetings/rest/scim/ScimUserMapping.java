package dev.oneonone.meetings.rest.scim;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.kit.input.TextRules;
import dev.oneonone.meetings.application.people.PersonEntry;
import dev.oneonone.meetings.application.scim.DesiredUser;
import dev.oneonone.meetings.application.scim.ScimProvisioning.ProvisionedUser;
import dev.oneonone.meetings.projection.PersonOverview;
import dev.oneonone.meetings.rest.OrganisationCodes;

/**
 * A SCIM User (RFC 7643 section 4.1) to and from a person of the directory. Only the attributes the directory keeps
 * are read; any other attribute an identity provider sends is ignored. What is kept passes the suite's text rules and
 * the directory's code rule, refused as {@code invalidValue} naming the attribute.
 */
final class ScimUserMapping {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String TEAM_SCHEMA = "urn:oneonone:params:scim:schemas:extension:team:2.0:User";
    static final int MAX_USER_NAME = 256;
    static final int MAX_EXTERNAL_ID = 256;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    /** The shape Bean Validation's @Email checks on REST, closely enough: one @, something on both sides, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Pattern CODE = Pattern.compile(OrganisationCodes.PATTERN);

    private ScimUserMapping() {
    }

    /**
     * The user a body asks for.
     *
     * @param activeByDefault {@code active} when the body leaves it out: true on a create, null (as it is) on a replace
     */
    static DesiredUser desired(JsonNode body, Boolean activeByDefault) {
        if (!(body instanceof ObjectNode user)) {
            throw new ScimError(400, "invalidSyntax", "The body must be a JSON object: a SCIM User.");
        }
        String userName = text(user, "userName", "userName", MAX_USER_NAME);
        if (userName == null || userName.isBlank()) {
            throw ScimError.invalidValue("userName", "is required");
        }
        userName = userName.trim();
        String externalId = text(user, "externalId", "externalId", MAX_EXTERNAL_ID);
        String name = text(user, "displayName", "displayName", MAX_NAME);
        JsonNode nameNode = objectOrNull(field(user, "name"), "name");
        if (blank(name) && nameNode instanceof ObjectNode names) {
            name = text(names, "formatted", "name.formatted", MAX_NAME);
            if (blank(name)) {
                String given = text(names, "givenName", "name.givenName", MAX_NAME);
                String family = text(names, "familyName", "name.familyName", MAX_NAME);
                name = ((given == null ? "" : given.trim()) + " " + (family == null ? "" : family.trim())).trim();
            }
        }
        if (blank(name)) {
            name = userName;
        }
        if (name.trim().length() > MAX_NAME) {
            throw ScimError.invalidValue("displayName", "must be at most " + MAX_NAME + " characters");
        }
        String email = email(user, userName);
        JsonNode enterprise = objectOrNull(field(user, ENTERPRISE_SCHEMA), ENTERPRISE_SCHEMA);
        String department = null;
        UUID managerId = null;
        if (enterprise instanceof ObjectNode extension) {
            department = code(extension, "department", ENTERPRISE_SCHEMA + ":department");
            managerId = manager(field(extension, "manager"));
        }
        JsonNode teamNode = objectOrNull(field(user, TEAM_SCHEMA), TEAM_SCHEMA);
        String team = teamNode instanceof ObjectNode extension ? code(extension, "team", TEAM_SCHEMA + ":team") : null;
        Boolean active = active(field(user, "active"), activeByDefault);
        return new DesiredUser(userName, blank(externalId) ? null : externalId,
                new PersonEntry(name, email, team, department, managerId, (LocalDate) null), active);
    }

    /** The resource as the identity provider reads it. */
    static ObjectNode resource(ObjectMapper mapper, ProvisionedUser user, LocalDate today, String location) {
        PersonOverview person = user.person();
        ObjectNode node = mapper.createObjectNode();
        ArrayNode schemas = node.putArray("schemas").add(USER_SCHEMA);
        node.put("id", person.personId.toString());
        if (user.identity().externalId != null) {
            node.put("externalId", user.identity().externalId);
        }
        node.put("userName", user.identity().userName);
        node.putObject("name").put("formatted", person.name);
        node.put("displayName", person.name);
        node.putArray("emails").addObject().put("value", person.email).put("type", "work").put("primary", true);
        node.put("active", active(person, today));
        if (person.department != null || person.managerId != null) {
            schemas.add(ENTERPRISE_SCHEMA);
            ObjectNode enterprise = node.putObject(ENTERPRISE_SCHEMA);
            if (person.department != null) {
                enterprise.put("department", person.department);
            }
            if (person.managerId != null) {
                String base = location.substring(0, location.lastIndexOf('/') + 1);
                enterprise.putObject("manager").put("value", person.managerId.toString())
                        .put("$ref", base + person.managerId);
            }
        }
        if (person.team != null) {
            schemas.add(TEAM_SCHEMA);
            node.putObject(TEAM_SCHEMA).put("team", person.team);
        }
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", user.identity().createdAt.toString());
        meta.put("lastModified", user.lastModified().toString());
        meta.put("location", location);
        meta.put("version", etag(user.version()));
        return node;
    }

    /** Active until the last day: false once an end of employment on or before today is recorded. */
    static boolean active(PersonOverview person, LocalDate today) {
        return person.lastDay == null || person.lastDay.isAfter(today);
    }

    static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /** The email: the primary one, else the first; else userName when it is an email address. */
    private static String email(ObjectNode user, String userName) {
        JsonNode emails = field(user, "emails");
        JsonNode chosen = null;
        if (emails != null && !emails.isNull()) {
            if (!emails.isArray()) {
                throw ScimError.invalidValue("emails", "must be an array of email objects");
            }
            for (JsonNode email : emails) {
                // every element is checked, not only the one kept: a wrong one is refused, never skipped
                if (!(email instanceof ObjectNode object)) {
                    throw ScimError.invalidValue("emails", "each element must be an email object with a value");
                }
                text(object, "value", "emails.value", MAX_EMAIL);
                if (chosen == null || primary(email)) {
                    chosen = email;
                }
                if (primary(email)) {
                    break;
                }
            }
        }
        String email = chosen == null ? null
                : chosen instanceof ObjectNode object ? text(object, "value", "emails.value", MAX_EMAIL) : null;
        if (blank(email)) {
            if (EMAIL.matcher(userName).matches() && userName.length() <= MAX_EMAIL) {
                return userName;
            }
            throw ScimError.invalidValue("emails", "an email address is required: give emails, or a userName that is one");
        }
        email = email.trim();
        if (!EMAIL.matcher(email).matches()) {
            throw ScimError.invalidValue("emails.value", "must be a well-formed email address");
        }
        return email;
    }

    private static boolean primary(JsonNode email) {
        JsonNode primary = email.get("primary");
        return primary != null && (primary.isBoolean() ? primary.booleanValue()
                : primary.isTextual() && primary.textValue().equalsIgnoreCase("true"));
    }

    /** The manager: {@code {"value": id}}, or the id alone (as Microsoft Entra sends it); empty: none. */
    private static UUID manager(JsonNode manager) {
        JsonNode value = manager instanceof ObjectNode object ? field(object, "value") : manager;
        if (value == null || value.isNull() || value.isTextual() && value.textValue().isBlank()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimError.invalidValue(ENTERPRISE_SCHEMA + ":manager.value", "must be the id of a User of this service");
        }
        try {
            return UUID.fromString(value.textValue().trim());
        } catch (IllegalArgumentException notAnId) {
            throw ScimError.invalidValue(ENTERPRISE_SCHEMA + ":manager.value", "must be the id of a User of this service (a UUID)");
        }
    }

    /** {@code active}: a boolean, or the strings true and false in any case (Microsoft Entra sends "False"). */
    private static Boolean active(JsonNode active, Boolean byDefault) {
        if (active == null || active.isNull()) {
            return byDefault;
        }
        if (active.isBoolean()) {
            return active.booleanValue();
        }
        if (active.isTextual() && (active.textValue().equalsIgnoreCase("true") || active.textValue().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(active.textValue().toLowerCase(Locale.ROOT));
        }
        throw ScimError.invalidValue("active", "must be true or false");
    }

    private static String code(ObjectNode extension, String field, String attribute) {
        String code = text(extension, field, attribute, 64);
        if (blank(code)) {
            return null;
        }
        if (!CODE.matcher(code.trim()).matches()) {
            throw ScimError.invalidValue(attribute, OrganisationCodes.MESSAGE);
        }
        return code.trim();
    }

    /** A string attribute (attribute names are case-insensitive, RFC 7643 section 2.1), checked by the text rules. */
    private static String text(ObjectNode node, String field, String attribute, int max) {
        JsonNode value = field(node, field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimError.invalidValue(attribute, "must be a string");
        }
        String text = value.textValue();
        TextRules.Violation violation = TextRules.check(text, false);
        if (violation != null) {
            throw ScimError.invalidValue(attribute, violation.message());
        }
        if (text.length() > max) {
            throw ScimError.invalidValue(attribute, "must be at most " + max + " characters");
        }
        return text;
    }

    /** A complex attribute (or extension): an object, or absent or null; any other type is invalidValue. */
    private static JsonNode objectOrNull(JsonNode value, String attribute) {
        if (value != null && !value.isNull() && !value.isObject()) {
            throw ScimError.invalidValue(attribute, "must be an object");
        }
        return value;
    }

    /** An attribute by name, case-insensitively. */
    static JsonNode field(ObjectNode node, String name) {
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (var entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
