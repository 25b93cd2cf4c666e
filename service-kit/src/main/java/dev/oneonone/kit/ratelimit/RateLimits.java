package dev.oneonone.kit.ratelimit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.ProblemMappers;
import dev.oneonone.kit.ratelimit.Budgets.Budget;
import dev.oneonone.kit.ratelimit.Budgets.Verdict;
import dev.oneonone.kit.security.Caller;
import io.github.bucket4j.TimeMeter;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Per-client rate limits on every operation of the API (docs/api-standards.md, "Rate limits"). A client is the
 * verified token's organisation and subject, or, for a call without a valid token (the calendar feed, the event
 * contract, a refused token), the remote address. Its budget is its role's ({@code suite.rate-limit.roles.<role>.limit}
 * requests per {@code suite.rate-limit.roles.<role>.window}; the largest of a token's roles; {@value #ANONYMOUS} without
 * a token or for a token none of whose roles has one), or {@code suite.rate-limit.imports} on an operation marked
 * {@link ImportBudget}; at most {@code suite.rate-limit.max-clients} (20,000, some 11 MB of heap) clients' counters are kept. The kit's
 * {@code META-INF/microprofile-config.properties} holds the defaults. Every answer of the API carries {@code RateLimit-Policy} and
 * {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers-11); a request over budget is answered 429
 * {@value #TYPE} with {@code Retry-After} seconds before anything runs, so it changes nothing. A request refused
 * before it reached this filter (no operation at that path, or a role the operation does not allow) is counted
 * when it is answered. {@code /q/*} (health, metrics, the OpenAPI document) is not an operation and is not counted.
 *
 * <p>Counted per instance, in memory ({@link Budgets}): with N instances a client gets up to N times its budget.
 */
@Singleton
public class RateLimits {
    public static final String TYPE = "rate-limited";
    public static final String TITLE = "Too many requests";
    /** The policy name of the import budget. */
    public static final String IMPORT_POLICY = "import";
    /** The role whose budget a call without a valid token gets, counted by its remote address. */
    public static final String ANONYMOUS = "anonymous";
    /** About 570 bytes of heap a client (measured: 57 MB for 100,000), so 11 MB of a service's 192 MB heap. */
    private static final long DEFAULT_MAX_CLIENTS = 20_000;
    private static final String PREFIX = "suite.rate-limit.";
    private static final String ROLES = PREFIX + "roles.";
    private static final Pattern ROLE_LIMIT = Pattern.compile(Pattern.quote(ROLES) + "([a-z][a-z0-9-]*)\\.limit");
    private static final String VERDICT = RateLimits.class.getName() + ".verdict";
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final Budgets budgets;
    private final Map<String, Budget> roles = new TreeMap<>();
    private final Budget anonymous;
    private final Budget imports;
    private final CurrentIdentityAssociation identity;
    private final CurrentVertxRequest vertxRequest;

    @Inject
    public RateLimits(Config config, CurrentIdentityAssociation identity, CurrentVertxRequest vertxRequest,
            Instance<TimeMeter> time) {
        this.identity = identity;
        this.vertxRequest = vertxRequest;
        for (String name : config.getPropertyNames()) {
            Matcher role = ROLE_LIMIT.matcher(name);
            if (role.matches()) {
                roles.put(role.group(1), budget(config, role.group(1), ROLES + role.group(1)));
            }
        }
        this.anonymous = budget(config, ANONYMOUS, ROLES + ANONYMOUS);
        roles.remove(ANONYMOUS);
        this.imports = budget(config, IMPORT_POLICY, PREFIX + "imports");
        Duration idle = Stream.concat(roles.values().stream(), Stream.of(anonymous, imports))
                .map(Budget::window).max(Comparator.naturalOrder()).orElseThrow();
        this.budgets = new Budgets(time.isResolvable() ? time.get() : TimeMeter.SYSTEM_NANOTIME,
                config.getOptionalValue(PREFIX + "max-clients", Long.class).orElse(DEFAULT_MAX_CLIENTS), idle);
    }

    /** {@code <at>.limit} requests per {@code <at>.window}; both must be configured (the kit's defaults are). */
    private static Budget budget(Config config, String policy, String at) {
        return new Budget(policy, config.getValue(at + ".limit", Long.class), config.getValue(at + ".window", Duration.class));
    }

    /** Counts the request of an operation and refuses it (429) when its client's budget is used up. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Uni<Response> limit(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Uni.createFrom().nullItem();
        }
        return take(request, method.isAnnotationPresent(ImportBudget.class)).map(verdict -> verdict.allowed() ? null
                : Response.fromResponse(ProblemMappers.problem(429, TYPE, TITLE, detail(verdict), request.getUriInfo(), null))
                        .header(HttpHeaders.RETRY_AFTER, verdict.retryAfterSeconds()).build());
    }

    /** Every answer states the client's policy and what is left of it; one refused before {@link #limit} is counted now. */
    @ServerResponseFilter
    public Uni<Void> headers(ContainerRequestContext request, ContainerResponseContext response) {
        Object known = request.getProperty(VERDICT);
        Uni<Verdict> verdict = known instanceof Verdict counted ? Uni.createFrom().item(counted) : take(request, false);
        return verdict.invoke(counted -> {
            response.getHeaders().putSingle(ResponseHeaders.RATE_LIMIT_POLICY, counted.policyField());
            response.getHeaders().putSingle(ResponseHeaders.RATE_LIMIT, counted.stateField());
        }).replaceWithVoid();
    }

    private Uni<Verdict> take(ContainerRequestContext request, boolean isImport) {
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull() // an invalid token: counted by address, answered 401 by the security check
                .map(who -> {
                    Verdict verdict = take(callerOf(who), isImport);
                    request.setProperty(VERDICT, verdict);
                    return verdict;
                });
    }

    private Verdict take(Optional<Caller> caller, boolean isImport) {
        if (caller.isEmpty()) {
            return budgets.take(isImport ? imports : anonymous, "address:" + remoteAddress());
        }
        String client = "token:" + caller.get().organisationId() + '/' + caller.get().subject();
        return budgets.take(isImport ? imports : largest(caller.get().roles(), roles, anonymous), client);
    }

    /**
     * The largest budget of a token's roles (by requests per second, then by limit; of equal ones, the role whose name
     * comes first), or {@code otherwise} when none of its roles has one.
     */
    static Budget largest(Set<String> tokenRoles, Map<String, Budget> byRole, Budget otherwise) {
        return tokenRoles.stream().map(byRole::get).filter(budget -> budget != null)
                .max(Comparator.comparingDouble(Budget::rate).thenComparingLong(Budget::limit)
                        .thenComparing(Budget::policy, Comparator.reverseOrder())) // a tie: the first name, whatever the set's order
                .orElse(otherwise);
    }

    private String remoteAddress() {
        RoutingContext context = vertxRequest.getCurrent();
        SocketAddress address = context == null ? null : context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? UNKNOWN_ADDRESS : address.hostAddress();
    }

    private static Optional<Caller> callerOf(SecurityIdentity who) {
        if (who == null || who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Caller.of(token));
        } catch (RuntimeException unusable) {
            return Optional.empty(); // the operation refuses such a token itself (403); counted by address meanwhile
        }
    }

    private static String detail(Verdict verdict) {
        Budget budget = verdict.budget();
        return "This client has used its budget of " + budget.limit() + " requests per " + budget.window().toSeconds()
                + " s (policy " + budget.policy() + "); try again in " + verdict.retryAfterSeconds() + " s.";
    }
}
