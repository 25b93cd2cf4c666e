package dev.oneonone.kit.security;

import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

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

    public static Caller of(JsonWebToken token) {
        String organisation = token.getClaim(ORGANISATION_CLAIM);
        if (organisation == null || !organisation.matches(ORGANISATION_PATTERN)) {
            throw new ForbiddenException("The token carries no valid '" + ORGANISATION_CLAIM + "' claim");
        }
        return new Caller(organisation, token.getSubject(), Set.copyOf(token.getGroups()));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The caller's person id when they act as a person (role person with a UUID subject). */
    public UUID personId() {
        if (!is(PERSON) || subject == null) {
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
