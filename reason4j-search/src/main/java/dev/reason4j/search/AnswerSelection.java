package dev.reason4j.search;

/**
 * How a search picks its answer among the trajectories that ended with one. Answers are first grouped by
 * mathematical equality (the grader decides, so {@code 0.5} and {@code \frac12} vote together).
 */
public enum AnswerSelection {
    /** The answer of the best-scored trajectory: rStar-Math's choice of the top PPM score. */
    TOP_SCORE,
    /** The answer most trajectories reach: self-consistency's majority vote (Wang et al., ICLR 2023). */
    MAJORITY,
    /**
     * The answer with the most score mass: every trajectory votes with weight {@code (1 + clamp(score, −1, 1)) / 2}
     * (weight 1 when it has no score), the reward-weighted vote.
     */
    WEIGHTED;

    /** Whether this selection needs trajectory scores (a reward model). */
    public boolean needsScores() {
        return this != MAJORITY;
    }
}
