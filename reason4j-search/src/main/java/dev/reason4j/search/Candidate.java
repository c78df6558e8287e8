package dev.reason4j.search;

import java.util.Objects;

/**
 * A trajectory that ended with an answer.
 *
 * @param answer the final answer as written
 * @param score the trajectory's score (reward model, aggregated over steps where the strategy does that), NaN when
 *     it was not scored
 * @param node the id of its last node in the search tree
 */
public record Candidate(String answer, double score, int node) {

    public Candidate {
        Objects.requireNonNull(answer, "answer");
        if (node < 0) {
            throw new IllegalArgumentException("node must be >= 0, was " + node);
        }
    }

    /** The vote weight of {@link AnswerSelection#WEIGHTED}: {@code (1 + clamp(score, −1, 1)) / 2}, 1 unscored. */
    public double weight() {
        return Double.isNaN(score) ? 1 : (1 + Math.max(-1, Math.min(1, score))) / 2;
    }
}
