package dev.oneonone.kit.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The token buckets of this instance (Bucket4j), one per client and budget, kept in a Caffeine cache bounded to
 * {@code maxClients} entries. A bucket holds {@code limit} tokens and gains them back smoothly over {@code window}
 * (greedy refill), so a client may spend its whole budget at once but not twice in one window. A bucket nobody used
 * for {@code idle} (the longest window) is dropped: it would be full again by then, so forgetting it changes nothing.
 */
public final class Budgets {
    /** One budget: its policy name (in the RateLimit headers), {@code limit} requests per {@code window}. */
    public record Budget(String policy, long limit, Duration window) {
        public Budget {
            if (limit < 1 || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("The rate limit budget '" + policy + "' needs a limit of at least 1"
                        + " and a window of at least 1 s, not " + limit + " per " + window);
            }
        }

        /** Requests per second, to compare budgets of different windows. */
        double rate() {
            return (double) limit / window.toNanos();
        }
    }

    /**
     * What one request was told.
     *
     * @param allowed           false when the budget is used up: the request is refused (429)
     * @param remaining         requests left now
     * @param resetSeconds      seconds until the whole budget is available again
     * @param retryAfterSeconds when refused, seconds until one request is allowed again (at least 1); else 0
     */
    public record Verdict(Budget budget, boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
        /** The {@code RateLimit-Policy} field (draft-ietf-httpapi-ratelimit-headers-11): {@code "hr";q=600;w=60}. */
        public String policyField() {
            return '"' + budget.policy() + "\";q=" + budget.limit() + ";w=" + budget.window().toSeconds();
        }

        /** The {@code RateLimit} field (same draft): {@code "hr";r=599;t=1}. */
        public String stateField() {
            return '"' + budget.policy() + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    public Budgets(TimeMeter time, long maxClients, Duration idle) {
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idle).build();
    }

    /** Takes one request from the client's bucket of the budget. */
    public Verdict take(Budget budget, String client) {
        // the budget's figures are part of the key: a changed configuration or role starts a bucket of its size
        String key = budget.policy() + ';' + budget.limit() + ';' + budget.window().toSeconds() + ';' + client;
        ConsumptionProbe probe = buckets.get(key, unused -> bucket(budget)).tryConsumeAndReturnRemaining(1);
        return new Verdict(budget, probe.isConsumed(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** How many clients' buckets are kept now (for tests). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(Budget budget) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(budget.limit()).refillGreedy(budget.limit(), budget.window()).build())
                .build();
    }

    /** Whole seconds, rounded up. */
    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
