package dev.oneonone.kit.security;

import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import jakarta.json.JsonString;

/**
 * Who is calling, from their verified bearer token: the organisation every read and write is
 * scoped to, the subject (a person's id, or an integration's client id) and the roles.
 */
public record Caller(String organisationId, String subject, Set<String> roles) {
    public static final String PERSON = "person";
    public static final String DIRECTOR = "director";
    public static final String HR = "hr";
    public static final String INTEGRATION = "integration";
    public static final String ORGANISATION_CLAIM = "org";
    private static final String ORGANISATION_PATTERN = "[A-Za-z0-9._-]{1,64}";

    /**
     * The caller of a verified token.
     *
     * @throws ForbiddenException (403) when the {@code org} claim is missing, not a string (an array, number or
     *                            object) or not 1 to 64 of {@code A-Z a-z 0-9 . _ -}, or when {@code sub} is
     *                            present but not a string: a validly signed token that says nothing usable
     */
    public static Caller of(JsonWebToken token) {
        String organisation = stringClaim(token, ORGANISATION_CLAIM);
        if (organisation == null || !organisation.matches(ORGANISATION_PATTERN)) {
            throw new ForbiddenException("The token carries no valid '" + ORGANISATION_CLAIM + "' claim");
        }
        Object subject = token.getClaim(Claims.sub.name());
        if (subject != null && stringClaim(token, Claims.sub.name()) == null) {
            throw new ForbiddenException("The token's 'sub' claim is not a string");
        }
        Set<String> roles;
        try {
            roles = token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
        } catch (RuntimeException malformedGroups) {
            throw new ForbiddenException("The token's 'groups' claim is not a list of strings");
        }
        return new Caller(organisation, stringClaim(token, Claims.sub.name()), roles);
    }

    /** A claim's value when it is a JSON string, else null (absent, or an array, number, boolean or object). */
    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The caller's person id when they act as a person (role person with a UUID subject). */
    public UUID personId() {
        return is(PERSON) ? subjectPersonId() : null;
    }

    /**
     * The subject as a person id whatever the roles (a director-only or HR token of a person carries their id too),
     * null when it is not a UUID (an integration's client id). For telling whose data a read is about (the access
     * log), never for granting access: rights as a person go by {@link #personId()}.
     */
    public UUID subjectPersonId() {
        if (subject == null) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException notAPersonId) {
            return null;
        }
    }

    /** True when the caller is one of the two people of a series. */
    public boolean takesPartIn(UUID leaderId, UUID companionId) {
        UUID person = personId();
        return person != null && (person.equals(leaderId) || person.equals(companionId));
    }
}
