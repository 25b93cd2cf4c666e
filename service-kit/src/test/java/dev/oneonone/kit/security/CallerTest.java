package dev.oneonone.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.ForbiddenException;
import jakarta.json.Json;

class CallerTest {
    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return null;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }

            @Override
            public Set<String> getGroups() {
                return Set.of("person");
            }
        };
    }

    @Test
    void a_string_org_and_sub_make_a_caller() {
        Caller caller = Caller.of(token(Map.of("org", "acme", "sub", "integration-acme")));
        assertEquals("acme", caller.organisationId());
        assertEquals("integration-acme", caller.subject());
        assertEquals("acme", Caller.of(token(Map.of("org", Json.createValue("acme")))).organisationId());
    }

    @Test
    void an_org_that_is_not_a_string_is_forbidden() {
        for (Object org : List.of(List.of("acme"), 42L, Map.of("id", "acme"), Json.createArrayBuilder().add("acme").build(),
                Json.createValue(42), Json.createObjectBuilder().add("id", "acme").build(), true)) {
            assertThrows(ForbiddenException.class, () -> Caller.of(token(Map.of("org", org))), String.valueOf(org));
        }
    }

    @Test
    void a_subject_that_is_not_a_string_is_forbidden() {
        assertThrows(ForbiddenException.class, () -> Caller.of(token(Map.of("org", "acme", "sub", 42L))));
        assertThrows(ForbiddenException.class, () -> Caller.of(token(Map.of("org", "acme", "sub", Json.createValue(42)))));
    }
}
