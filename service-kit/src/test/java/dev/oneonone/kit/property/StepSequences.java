package dev.oneonone.kit.property;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small property-based test runner for command sequences (test-jar): it generates random sequences of steps, runs
 * each through a property, and when one fails it shrinks the sequence (drops steps while the property still fails)
 * and reports the smallest failing sequence it found, with the seeds that replay it.
 *
 * <p>A sequence is a setup seed (the property draws its fixed choices from it: zone, weekday, start) and one seed
 * per step. The property turns each step seed into a valid step against the state the steps before it left (so any
 * sub-sequence is again a valid sequence, and dropping steps is a sound shrink). The seeds are fixed per build
 * ({@code -Dsteps.seed=N} starts from another one, {@code -Dsteps.tries=N} runs more), so a failure in CI replays
 * locally.
 */
public final class StepSequences {
    /** At most this many runs of the property while shrinking one failure. */
    private static final int SHRINK_RUNS = 3_000;

    /** A property of one sequence: throws {@link AssertionError} when it does not hold. */
    @FunctionalInterface
    public interface Property {
        void check(long setupSeed, long[] stepSeeds);
    }

    private StepSequences() {
    }

    /** Runs {@code tries} random sequences of 1 to {@code maxSteps} steps through the property. */
    public static void check(int tries, int maxSteps, Property property) {
        long base = Long.getLong("steps.seed", 0L);
        int count = Integer.getInteger("steps.tries", tries);
        for (int t = 0; t < count; t++) {
            long setupSeed = base + t;
            SplittableRandom random = new SplittableRandom(setupSeed);
            long[] steps = random.longs(1 + random.nextInt(maxSteps)).toArray();
            AssertionError failure = failure(property, setupSeed, steps);
            if (failure != null) {
                throw shrunk(property, setupSeed, steps, failure);
            }
        }
    }

    /** Runs one sequence again, e.g. the one a failure reported. */
    public static void replay(long setupSeed, long[] stepSeeds, Property property) {
        property.check(setupSeed, stepSeeds);
    }

    private static AssertionError shrunk(Property property, long setupSeed, long[] original, AssertionError first) {
        long[] steps = original;
        AssertionError last = first;
        int runs = 0;
        for (int chunk = Math.max(1, steps.length / 2); chunk >= 1 && runs < SHRINK_RUNS; chunk /= 2) {
            int start = 0;
            while (start < steps.length && runs < SHRINK_RUNS) {
                long[] candidate = without(steps, start, chunk);
                runs++;
                AssertionError failure = candidate.length == 0 ? null : failure(property, setupSeed, candidate);
                if (failure != null) {
                    steps = candidate;
                    last = failure;
                } else {
                    start += chunk;
                }
            }
        }
        AssertionError error = new AssertionError("Property fails for setup seed " + setupSeed + " with "
                + steps.length + " steps (shrunk from " + original.length + "; replay with StepSequences.replay("
                + setupSeed + "L, new long[] " + Arrays.toString(steps).replace('[', '{').replace(']', '}')
                + ", ...)): " + last.getMessage(), last);
        return error;
    }

    private static AssertionError failure(Property property, long setupSeed, long[] steps) {
        try {
            property.check(setupSeed, steps);
            return null;
        } catch (AssertionError failed) {
            return failed;
        }
    }

    private static long[] without(long[] steps, int start, int count) {
        int end = Math.min(steps.length, start + count);
        long[] rest = new long[steps.length - (end - start)];
        System.arraycopy(steps, 0, rest, 0, start);
        System.arraycopy(steps, end, rest, start, steps.length - end);
        return rest;
    }
}
