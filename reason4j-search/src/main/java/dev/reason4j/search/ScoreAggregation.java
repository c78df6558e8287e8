package dev.reason4j.search;

import java.util.List;

/**
 * How the step scores of a process reward model become one trajectory score, as compared by Lightman et al.
 * ("Let's Verify Step by Step", ICLR 2024: product and minimum of step scores) and used by best-of-N.
 */
public enum ScoreAggregation {
    /** The score of the last step, i.e. of the whole trajectory. */
    LAST,
    /** The weakest step. */
    MIN,
    /**
     * The product of step scores read as probabilities: {@code 2·Π((1 + s_i) / 2) − 1}, so scores in [-1, 1] map to
     * [0, 1], multiply, and map back.
     */
    PRODUCT,
    /** The mean step score. */
    MEAN;

    /**
     * @param stepScores one score per step, first step first; at least one
     */
    public double apply(List<Double> stepScores) {
        if (stepScores.isEmpty()) {
            throw new IllegalArgumentException("no step scores to aggregate");
        }
        return switch (this) {
            case LAST -> stepScores.getLast();
            case MIN -> stepScores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case MEAN -> stepScores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case PRODUCT -> {
                double p = 1;
                for (double s : stepScores) {
                    p *= (1 + Math.max(-1, Math.min(1, s))) / 2;
                }
                yield 2 * p - 1;
            }
        };
    }
}
