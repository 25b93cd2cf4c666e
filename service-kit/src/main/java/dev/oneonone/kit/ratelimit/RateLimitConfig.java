package dev.oneonone.kit.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-client request budgets ({@link RateLimits}), under {@code suite.rate-limit}: a budget per role
 * ({@code roles.person}, {@code roles.director}, {@code roles.hr}, {@code roles.integration}, and
 * {@code roles.anonymous} for calls without a token), and one for the bulk imports ({@code imports}), each as
 * {@code limit} requests per {@code window} (e.g. {@code suite.rate-limit.roles.integration.limit=600},
 * {@code suite.rate-limit.roles.integration.window=60s}). The kit's {@code META-INF/microprofile-config.properties}
 * holds the defaults; a service's configuration or the environment overrides them. Counted per instance.
 */
@ConfigMapping(prefix = "suite.rate-limit")
public interface RateLimitConfig {
    /** The role whose budget a call without a (valid) token gets, counted by its remote address. */
    String ANONYMOUS = "anonymous";

    /** Budgets by role name; a token with several roles gets the largest of theirs. */
    Map<String, Limit> roles();

    /** The budget of the operations marked {@link ImportBudget}, counted apart from every other call. */
    Limit imports();

    /** At most this many clients' counters are kept; beyond, the least recently seen is forgotten (it starts full). */
    @WithDefault("100000")
    long maxClients();

    /** {@code limit} requests per {@code window}, refilled smoothly (a token every window/limit). */
    interface Limit {
        long limit();

        Duration window();
    }
}
