package dev.reason4j.core.metrics;

import java.util.Objects;

/**
 * One solution round of an analysed response.
 *
 * @param text the round's text
 * @param tokens its token count, T<sup>m</sup>
 * @param answer the answer it reaches, or {@code null} when it reaches none
 * @param correct whether that answer is right
 * @param cluster its strategy cluster; clusters are numbered in order of first appearance from 0
 * @param distinct whether its cluster differs from those of all earlier rounds (τ<sup>m</sup> = 1)
 * @param repeatsEarlierAnswer whether an earlier round reached an answer the grader finds equal to this one's
 */
public record AnalyzedSolution(
        String text, int tokens, String answer, boolean correct, int cluster, boolean distinct,
        boolean repeatsEarlierAnswer) {

    public AnalyzedSolution {
        Objects.requireNonNull(text, "text");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, got " + tokens);
        }
        if (cluster < 0) {
            throw new IllegalArgumentException("cluster must be >= 0, got " + cluster);
        }
    }
}
