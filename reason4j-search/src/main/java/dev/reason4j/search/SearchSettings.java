package dev.reason4j.search;

/**
 * Settings every strategy shares. Build with {@link #builder()}.
 *
 * @param temperature sampling temperature of strategies that sample (greedy always uses 0)
 * @param topP nucleus sampling cut, in (0, 1]
 * @param maxStepTokens most tokens one step may take
 * @param maxDepth most steps in a trajectory; a branch that reaches it without an answer ends
 *     ({@link TerminalReason#TOO_MANY_STEPS})
 * @param tokenBudget most generated tokens per problem (0 for no limit): a problem whose search has generated this
 *     many stops expanding and answers from what it has, so strategies compare at a fixed budget
 * @param lockstep one generate call per round for the frontiers of all problems of a batch, seeded per round. The
 *     default (false) seeds each problem's calls from its own stream, so a problem's tree depends only on the seed
 *     and the problem, whatever else shares the batch; lockstep trees depend on the batch (they are still
 *     reproducible for the same problem list). The per-problem mode sends one call per problem and round because
 *     {@link dev.reason4j.lm.SamplingParams} carries one seed per call
 */
public record SearchSettings(double temperature, double topP, int maxStepTokens, int maxDepth, long tokenBudget,
        boolean lockstep) {

    public SearchSettings {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (maxStepTokens < 1) {
            throw new IllegalArgumentException("maxStepTokens must be >= 1, was " + maxStepTokens);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, was " + maxDepth);
        }
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("tokenBudget must be >= 0 (0 = no limit), was " + tokenBudget);
        }
    }

    /** Temperature 0.7, top-p 0.95, 256 tokens per step, 16 steps, no token budget, per-problem seeding. */
    public static SearchSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SearchSettings}; unset fields keep the {@link #defaults()}. */
    public static final class Builder {
        private double temperature = 0.7;
        private double topP = 0.95;
        private int maxStepTokens = 256;
        private int maxDepth = 16;
        private long tokenBudget = 0;
        private boolean lockstep = false;

        private Builder() {}

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        public Builder maxStepTokens(int maxStepTokens) {
            this.maxStepTokens = maxStepTokens;
            return this;
        }

        public Builder maxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
            return this;
        }

        public Builder tokenBudget(long tokenBudget) {
            this.tokenBudget = tokenBudget;
            return this;
        }

        public Builder lockstep(boolean lockstep) {
            this.lockstep = lockstep;
            return this;
        }

        public SearchSettings build() {
            return new SearchSettings(temperature, topP, maxStepTokens, maxDepth, tokenBudget, lockstep);
        }
    }
}
