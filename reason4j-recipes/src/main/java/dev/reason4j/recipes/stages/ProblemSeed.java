package dev.reason4j.recipes.stages;

import dev.reason4j.core.provenance.Hashing;

/**
 * A random seed for one problem, from a run's seed and the problem's id alone: what a problem draws does not
 * depend on the order problems are processed in, on which others are in the run, or on whether the run resumed.
 * The seed is hashed with the id rather than combined bit by bit, so neighbouring run seeds (0, 1, 2) give
 * unrelated problem seeds even to consumers that use a seed without mixing it.
 */
public final class ProblemSeed {

    private ProblemSeed() {}

    /** The first 64 bits of the SHA-256 of {@code seed/problemId}. */
    public static long of(long seed, String problemId) {
        return Long.parseUnsignedLong(Hashing.sha256(seed + "/" + problemId).substring(0, 16), 16);
    }
}
