package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The random choices of one problem: numbers, words, events and the overthinking plan, all from one seed. */
final class WorldRandom {

    private final SplittableRandom random;

    WorldRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A whole number in {@code [low, high]}. */
    long between(long low, long high) {
        if (high < low) {
            throw Story.rejected("empty range [" + low + ", " + high + "]");
        }
        return random.nextLong(low, high + 1);
    }

    int index(int size) {
        return random.nextInt(size);
    }

    /** An index drawn with the given weights, which sum to 1. */
    int weighted(double[] weights) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < weights.length - 1; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** A divisor of the whole number {@code value} in {@code [low, high]}, or the story is rejected when there is none. */
    long divisor(BigRational value, long low, long high) {
        if (!value.isInteger() || value.signum() <= 0) {
            throw Story.rejected("no whole divisor of " + value);
        }
        long n = value.num().longValueExact();
        List<Long> divisors = new ArrayList<>();
        for (long d = low; d <= Math.min(high, n); d++) {
            if (n % d == 0) {
                divisors.add(d);
            }
        }
        if (divisors.isEmpty()) {
            throw Story.rejected("no divisor of " + n + " in [" + low + ", " + high + "]");
        }
        return pick(divisors);
    }

    /** The options in a random order. */
    <T> List<T> shuffled(List<T> options) {
        List<T> copy = new ArrayList<>(options);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
