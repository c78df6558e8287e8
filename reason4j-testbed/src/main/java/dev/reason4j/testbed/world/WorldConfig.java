package dev.reason4j.testbed.world;

import java.util.Objects;

/**
 * What to generate.
 *
 * @param seed the seed every problem's numbers, words and overthinking plan derive from
 * @param train number of training problems, {@code >= 0}
 * @param test number of test problems, {@code >= 0}
 * @param tiers the difficulty tiers, cycled through in order so every tier gets the same share
 */
public record WorldConfig(long seed, int train, int test, TierRange tiers) {

    /** More problems than this per split is a typo, not a data set the world can fill with distinct problems. */
    public static final int MAX_PER_SPLIT = 10_000_000;

    public WorldConfig {
        Objects.requireNonNull(tiers, "tiers");
        if (train < 0 || train > MAX_PER_SPLIT) {
            throw new IllegalArgumentException("train must be in [0, " + MAX_PER_SPLIT + "], got " + train);
        }
        if (test < 0 || test > MAX_PER_SPLIT) {
            throw new IllegalArgumentException("test must be in [0, " + MAX_PER_SPLIT + "], got " + test);
        }
        if (train + test == 0) {
            throw new IllegalArgumentException("train + test must be at least 1, got 0");
        }
    }
}
