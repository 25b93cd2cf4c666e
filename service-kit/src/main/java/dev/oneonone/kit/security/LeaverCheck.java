package dev.oneonone.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.oneonone.kit.problem.ProblemMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Refuses the requests of leavers: a token with role {@code person}, {@code director} or {@code hr} whose subject is
 * a person whose employment has ended ({@link Employment#leftAt} is not after now) is answered 403
 * {@code employment-ended} on every endpoint, although the token itself is still valid. Integration tokens (subjects
 * that are client ids, not person ids) are not checked, nor is a subject the service does not know. Each person's
 * {@code leftAt} is kept here for {@code suite.leavers.cache-ttl} (30 s), so a request costs at most one indexed lookup
 * per person and period, and the day boundary needs no new lookup.
 */
@Singleton
public class LeaverCheck {
    public static final String TYPE = "employment-ended";
    public static final String TITLE = "Employment ended";
    public static final String DETAIL = "Your employment here has ended (your last day has passed), so this service "
            + "no longer accepts your requests, although your token is still valid.";
    private static final int MAX_ENTRIES = 100_000;
    /** The roles whose subject is a person of the directory. */
    private static final Set<String> PEOPLE_ROLES = Set.of(Caller.PERSON, Caller.DIRECTOR, Caller.HR);

    private record Known(Optional<Instant> leftAt, long expiresAtNanos) {
    }

    /** The service's answer, or null when it provides none (then nobody is refused). */
    private final Employment employment;
    private final CurrentIdentityAssociation identity;
    private final Clock clock;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Known> leftAts = new ConcurrentHashMap<>();

    @Inject
    public LeaverCheck(Instance<Employment> employment, CurrentIdentityAssociation identity, Clock clock,
            @ConfigProperty(name = "suite.leavers.cache-ttl", defaultValue = "30s") Duration ttl) {
        this(employment.isResolvable() ? employment.get() : null, identity, clock, ttl);
    }

    LeaverCheck(Employment employment, CurrentIdentityAssociation identity, Clock clock, Duration ttl) {
        this.employment = employment;
        this.identity = identity;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
    }

    @ServerRequestFilter
    public Uni<Response> refuseLeavers(ContainerRequestContext request) {
        if (employment == null || request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull() // an invalid token is the security check's 401, not ours
                .chain(who -> {
                    Caller caller = callerOf(who);
                    UUID person = caller == null ? null : personOf(caller);
                    if (person == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return hasLeft(caller.organisationId(), person).map(left -> left
                            ? ProblemMappers.problem(403, TYPE, TITLE, DETAIL, request.getUriInfo(), null)
                            : null);
                });
    }

    /** True when the person's employment has ended: now is at or after their {@link Employment#leftAt}. */
    public Uni<Boolean> hasLeft(String organisationId, UUID personId) {
        if (employment == null) {
            return Uni.createFrom().item(false);
        }
        Instant now = clock.instant();
        return leftAt(employment, organisationId, personId).map(left -> left.isPresent() && !now.isBefore(left.get()));
    }

    /** Drops what is kept of a person here (after their employment ended or began again), so it is read afresh. */
    public void forget(String organisationId, UUID personId) {
        leftAts.remove(key(organisationId, personId));
    }

    private Uni<Optional<Instant>> leftAt(Employment records, String organisationId, UUID personId) {
        String key = key(organisationId, personId);
        Known known = leftAts.get(key);
        long now = System.nanoTime();
        if (known != null && now - known.expiresAtNanos() < 0) {
            return Uni.createFrom().item(known.leftAt());
        }
        return records.leftAt(organisationId, personId).invoke(left -> {
            if (leftAts.size() >= MAX_ENTRIES) {
                leftAts.clear(); // a bound, not an eviction policy: the next requests read again
            }
            leftAts.put(key, new Known(left, System.nanoTime() + ttlNanos));
        });
    }

    /** The person id a token speaks for: its UUID subject when it has a role of people, else null (integrations). */
    static UUID personOf(Caller caller) {
        if (caller.subject() == null || caller.roles().stream().noneMatch(PEOPLE_ROLES::contains)) {
            return null;
        }
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException notAPersonId) {
            return null;
        }
    }

    private static String key(String organisationId, UUID personId) {
        return organisationId + "/" + personId;
    }

    private static Caller callerOf(SecurityIdentity who) {
        if (who == null || who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        try {
            return Caller.of(token);
        } catch (RuntimeException unusable) {
            return null; // the resource refuses such a token itself
        }
    }
}
