package dev.oneonone.kit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StepSequencesTest {

    /** A property that fails once a sequence holds three "big" steps is shrunk to exactly those three. */
    @Test
    void a_failure_is_shrunk_to_the_steps_that_cause_it() {
        StepSequences.Property property = (setup, steps) -> {
            int big = 0;
            for (long seed : steps) {
                big += new SplittableRandom(seed).nextInt(10) == 0 ? 1 : 0;
            }
            if (big >= 3) {
                throw new AssertionError("three big steps in " + steps.length);
            }
        };
        AssertionError error = assertThrows(AssertionError.class, () -> StepSequences.check(200, 80, property));
        assertTrue(error.getMessage().contains("three big steps in 3"), error.getMessage());
    }

    @Test
    void a_property_that_holds_passes() {
        int[] runs = { 0 };
        StepSequences.check(50, 10, (setup, steps) -> runs[0]++);
        assertEquals(50, runs[0]);
    }
}
