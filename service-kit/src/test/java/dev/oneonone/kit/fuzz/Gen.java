package dev.oneonone.kit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values drawn from a seeded {@link SplittableRandom}: the same seed draws the same values, which
 * is what makes a fuzz run reproducible from its logged seed. Only what the fuzz suite needs: fixed choices,
 * integer ranges, mapping, filtering and weighted choice between generators.
 *
 * @param <T> what it draws
 */
@FunctionalInterface
public interface Gen<T> {

    /** Draws one value, consuming randomness from {@code random}. */
    T draw(SplittableRandom random);

    /** This generator's values passed through {@code function}. */
    default <R> Gen<R> map(Function<? super T, ? extends R> function) {
        return random -> function.apply(draw(random));
    }

    /**
     * This generator's values that satisfy {@code keep}, drawing again when one does not.
     *
     * @throws IllegalStateException when 1,000 draws in a row are refused (the filter is too strict to be useful)
     */
    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int attempt = 0; attempt < 1_000; attempt++) {
                T value = draw(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("A fuzz generator's filter refused 1000 values in a row");
        };
    }

    /** Always {@code value}. */
    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    /** One of {@code values}, each equally likely. */
    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /** One of {@code values}, each equally likely; the list must not be empty. */
    static <T> Gen<T> of(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Nothing to choose from");
        }
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** An integer from {@code min} to {@code max}, both included, each equally likely. */
    static Gen<Integer> between(int min, int max) {
        return random -> random.nextInt(min, max + 1);
    }

    /** A value of one of {@code generators}, each generator equally likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Weighted<T>> weighted = new ArrayList<>();
        for (Gen<? extends T> generator : generators) {
            weighted.add(new Weighted<>(1, generator::draw));
        }
        return frequency(weighted);
    }

    /** A value of one of the weighted generators, each chosen in proportion to its weight. */
    static <T> Gen<T> frequency(List<Weighted<T>> choices) {
        List<Weighted<T>> copy = List.copyOf(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("Nothing to choose from");
        }
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<T> choice : copy) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().draw(random);
                }
            }
            throw new AssertionError("unreachable");
        };
    }

    /**
     * A generator and its weight in {@link #frequency}.
     *
     * @param weight how often it is chosen relative to the others; at least 1
     * @param generator what it draws
     */
    record Weighted<T>(int weight, Gen<T> generator) {
        public Weighted {
            if (weight < 1) {
                throw new IllegalArgumentException("weight " + weight);
            }
        }
    }
}
