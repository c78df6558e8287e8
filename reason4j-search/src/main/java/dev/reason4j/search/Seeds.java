package dev.reason4j.search;

import java.nio.charset.StandardCharsets;

/**
 * Splits a run's seed into independent streams: one per problem (from its id, so a problem's search does not depend
 * on which other problems share its run or batch) and, inside a problem, one per generation call.
 */
final class Seeds {

    private Seeds() {}

    /** The seed of problem {@code problemId} in a run seeded {@code runSeed}. */
    static long forProblem(long runSeed, String problemId) {
        long hash = 0xcbf29ce484222325L; // FNV-1a over the id's UTF-8 bytes: stable across JVMs and versions
        for (byte b : problemId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(runSeed, hash);
    }

    /** The {@code index}-th seed split from {@code seed} (SplitMix64's finaliser over a Weyl step). */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
