package dev.reason4j.search;

/**
 * Self-consistency, maj@k (Wang et al., "Self-Consistency Improves Chain of Thought Reasoning in Language Models",
 * ICLR 2023): sample {@code k} trajectories at the context's temperature and answer with the most frequent final
 * answer, {@code argmax_a Σ_i 1[a_i = a]}, answers compared by the grader.
 */
public final class SelfConsistency extends ChainSearch {

    private final int k;

    /** @param k trajectories per problem, {@code >= 1} */
    public SelfConsistency(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "maj@" + k;
    }

    @Override
    public AnswerSelection selection() {
        return AnswerSelection.MAJORITY;
    }

    @Override
    int chains() {
        return k;
    }

    @Override
    double temperature(SearchContext ctx) {
        return ctx.settings().temperature();
    }

    @Override
    void check(SearchContext ctx) {
        if (k > 1 && ctx.settings().temperature() == 0) {
            throw new IllegalArgumentException(name() + " needs a sampling temperature > 0: at 0 all "
                    + k + " trajectories are the same");
        }
    }
}
