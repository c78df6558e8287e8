package dev.reason4j.search;

import java.util.Objects;

/**
 * Parameters of {@link RStarMcts}. Build with {@link #builder()}; the defaults follow rStar-Math where it has a
 * documented setting and choose the sane behaviour where the reference code has a known quirk.
 *
 * @param candidates next steps sampled when a node is expanded
 * @param rollouts rollouts per problem
 * @param exploration the UCT constant {@code c} (rStar-Math: 2)
 * @param invalidPenalty reward of a branch that ends without an answer (rStar-Math: −1)
 * @param removeDuplicates drop sampled steps whose text repeats a sibling's (rStar-Math does)
 * @param unvisitedScoresZero rStar-Math's quirk: a child never visited scores UCT 0 instead of +∞, so a
 *     well-valued visited sibling keeps being chosen over unexplored ones (default off: unvisited first)
 * @param propagateInvalidPenalty back up the penalty of a dead end through its ancestors like any terminal value
 *     (default); off reproduces rStar-Math, which counts it into the dead end alone
 * @param selection how the final answer is picked among terminal answers
 */
public record MctsOptions(int candidates, int rollouts, double exploration, double invalidPenalty,
        boolean removeDuplicates, boolean unvisitedScoresZero, boolean propagateInvalidPenalty,
        AnswerSelection selection) {

    public MctsOptions {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
        }
        if (rollouts < 1) {
            throw new IllegalArgumentException("rollouts must be >= 1, was " + rollouts);
        }
        if (!(exploration >= 0) || Double.isInfinite(exploration)) {
            throw new IllegalArgumentException("exploration must be a finite number >= 0, was " + exploration);
        }
        if (!Double.isFinite(invalidPenalty)) {
            throw new IllegalArgumentException("invalidPenalty must be finite, was " + invalidPenalty);
        }
        Objects.requireNonNull(selection, "selection");
    }

    /** 8 candidates, 16 rollouts, c = 2, penalty −1, duplicates removed, no quirks, top-score selection. */
    public static MctsOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MctsOptions}; unset fields keep the {@link #defaults()}. */
    public static final class Builder {
        private int candidates = 8;
        private int rollouts = 16;
        private double exploration = 2;
        private double invalidPenalty = -1;
        private boolean removeDuplicates = true;
        private boolean unvisitedScoresZero = false;
        private boolean propagateInvalidPenalty = true;
        private AnswerSelection selection = AnswerSelection.TOP_SCORE;

        private Builder() {}

        public Builder candidates(int candidates) {
            this.candidates = candidates;
            return this;
        }

        public Builder rollouts(int rollouts) {
            this.rollouts = rollouts;
            return this;
        }

        public Builder exploration(double exploration) {
            this.exploration = exploration;
            return this;
        }

        public Builder invalidPenalty(double invalidPenalty) {
            this.invalidPenalty = invalidPenalty;
            return this;
        }

        public Builder removeDuplicates(boolean removeDuplicates) {
            this.removeDuplicates = removeDuplicates;
            return this;
        }

        public Builder unvisitedScoresZero(boolean unvisitedScoresZero) {
            this.unvisitedScoresZero = unvisitedScoresZero;
            return this;
        }

        public Builder propagateInvalidPenalty(boolean propagateInvalidPenalty) {
            this.propagateInvalidPenalty = propagateInvalidPenalty;
            return this;
        }

        public Builder selection(AnswerSelection selection) {
            this.selection = selection;
            return this;
        }

        public MctsOptions build() {
            return new MctsOptions(candidates, rollouts, exploration, invalidPenalty, removeDuplicates,
                    unvisitedScoresZero, propagateInvalidPenalty, selection);
        }
    }
}
