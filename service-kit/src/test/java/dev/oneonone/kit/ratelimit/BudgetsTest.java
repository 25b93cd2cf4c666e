package dev.oneonone.kit.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.ratelimit.Budgets.Budget;
import dev.oneonone.kit.ratelimit.Budgets.Verdict;
import io.github.bucket4j.TimeMeter;

/** The token buckets on a time that moves only when the test says so. */
class BudgetsTest {
    private static final Budget INTEGRATION = new Budget("integration", 3, Duration.ofSeconds(60));
    private static final Budget IMPORTS = new Budget("import", 2, Duration.ofSeconds(60));

    /** A time source for Bucket4j that the test moves on. */
    static final class SteppedTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final SteppedTime time = new SteppedTime();
    private final Budgets budgets = new Budgets(time, 1_000, Duration.ofSeconds(60));

    @Test
    void counts_down_then_refuses_with_the_seconds_until_one_more_request() {
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Verdict verdict = budgets.take(INTEGRATION, "token:acme/client-1");
            assertTrue(verdict.allowed());
            assertEquals("\"integration\";q=3;w=60", verdict.policyField());
            states.add(verdict.stateField());
        }
        // a token back every 20 s: after 1 taken the whole quota is back in 20 s, after 3 in 60 s
        assertEquals(List.of("\"integration\";r=2;t=20", "\"integration\";r=1;t=40", "\"integration\";r=0;t=60"), states);
        Verdict refused = budgets.take(INTEGRATION, "token:acme/client-1");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(20, refused.retryAfterSeconds());
    }

    @Test
    void the_budget_refills_over_its_window() {
        for (int i = 0; i < 3; i++) {
            budgets.take(INTEGRATION, "token:acme/client-1");
        }
        time.advance(Duration.ofSeconds(19));
        Verdict early = budgets.take(INTEGRATION, "token:acme/client-1");
        assertFalse(early.allowed());
        assertEquals(1, early.retryAfterSeconds());
        time.advance(Duration.ofSeconds(1));
        assertTrue(budgets.take(INTEGRATION, "token:acme/client-1").allowed());
        time.advance(Duration.ofMinutes(10)); // never more than the limit, however long the client waited
        assertEquals(2, budgets.take(INTEGRATION, "token:acme/client-1").remaining());
    }

    @Test
    void each_client_and_each_policy_has_its_own_bucket() {
        for (int i = 0; i < 3; i++) {
            budgets.take(INTEGRATION, "token:acme/client-1");
        }
        assertFalse(budgets.take(INTEGRATION, "token:acme/client-1").allowed());
        assertEquals(2, budgets.take(INTEGRATION, "token:acme/client-2").remaining(), "another subject");
        assertEquals(2, budgets.take(INTEGRATION, "token:globex/client-1").remaining(), "the same subject in another organisation");
        assertEquals(1, budgets.take(IMPORTS, "token:acme/client-1").remaining(), "the same client's imports");
        assertEquals(2, budgets.take(INTEGRATION, "address:192.0.2.7").remaining(), "an address");
    }

    @Test
    void a_changed_budget_starts_a_bucket_of_its_size() {
        budgets.take(INTEGRATION, "token:acme/client-1");
        Budget larger = new Budget("integration", 10, Duration.ofSeconds(60));
        assertEquals(9, budgets.take(larger, "token:acme/client-1").remaining());
    }

    @Test
    void keeps_at_most_max_clients_buckets() {
        Budgets few = new Budgets(time, 5, Duration.ofSeconds(60));
        for (int i = 0; i < 50; i++) {
            few.take(INTEGRATION, "address:10.0.0." + i);
        }
        assertTrue(few.size() <= 5, "kept " + few.size());
    }

    @Test
    void a_token_with_several_roles_gets_the_largest_budget() {
        Budget anonymous = new Budget("anonymous", 60, Duration.ofSeconds(60));
        Map<String, Budget> roles = Map.of(
                "person", new Budget("person", 300, Duration.ofSeconds(60)),
                "hr", new Budget("hr", 600, Duration.ofSeconds(60)),
                "director", new Budget("director", 20_000, Duration.ofHours(1)));
        assertEquals("hr", RateLimits.largest(Set.of("person", "hr"), roles, anonymous).policy());
        assertEquals("hr", RateLimits.largest(Set.of("hr", "director"), roles, anonymous).policy(), "600/min beats 20,000/h");
        assertEquals("person", RateLimits.largest(Set.of("person", "unknown-role"), roles, anonymous).policy());
        assertEquals("anonymous", RateLimits.largest(Set.of("unknown-role"), roles, anonymous).policy());
        Map<String, Budget> equal = Map.of("person", new Budget("person", 10, Duration.ofSeconds(60)),
                "hr", new Budget("hr", 10, Duration.ofSeconds(60)));
        for (int i = 0; i < 20; i++) { // whatever order the token's set iterates in
            assertEquals("hr", RateLimits.largest(Set.of("person", "hr"), equal, anonymous).policy(), "a tie: the first name");
        }
    }

    @Test
    void a_budget_needs_a_limit_and_a_window_of_a_second_at_least() {
        assertThrows(IllegalArgumentException.class, () -> new Budget("person", 0, Duration.ofSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new Budget("person", 10, Duration.ofMillis(500)));
    }
}
