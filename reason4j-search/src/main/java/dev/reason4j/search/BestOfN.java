package dev.reason4j.search;

import dev.reason4j.lm.reward.RewardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Best-of-N with a reward model: sample {@code n} trajectories, score them, answer with the best (or with a
 * score-weighted vote, see {@link AnswerSelection}). With a process model every step is scored as it is made (one
 * batch per round for all problems) and a trajectory's score aggregates its step scores ({@link ScoreAggregation},
 * after Lightman et al., "Let's Verify Step by Step", ICLR 2024); an outcome model or oracle scores finished
 * trajectories only, so only {@link ScoreAggregation#LAST} applies.
 */
public final class BestOfN extends ChainSearch {

    private final int n;
    private final ScoreAggregation aggregation;
    private final AnswerSelection selection;

    /**
     * @param n trajectories per problem, {@code >= 1}
     * @param aggregation how step scores become a trajectory score
     * @param selection {@link AnswerSelection#TOP_SCORE} for classic best-of-N, {@link AnswerSelection#WEIGHTED}
     *     for a weighted vote
     */
    public BestOfN(int n, ScoreAggregation aggregation, AnswerSelection selection) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        this.n = n;
        this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
        this.selection = Objects.requireNonNull(selection, "selection");
    }

    @Override
    public String name() {
        return "best-of-" + n;
    }

    @Override
    public AnswerSelection selection() {
        return selection;
    }

    @Override
    int chains() {
        return n;
    }

    @Override
    double temperature(SearchContext ctx) {
        return ctx.settings().temperature();
    }

    @Override
    void check(SearchContext ctx) {
        RewardModel scorer = ctx.scorer().orElseThrow(() -> new IllegalArgumentException(
                name() + " needs a reward model (a PPM/PRM, an ORM, or the oracle)"));
        if (scorer.kind() != RewardModel.Kind.PROCESS && aggregation != ScoreAggregation.LAST) {
            throw new IllegalArgumentException(name() + ": aggregation " + aggregation + " needs step scores, but "
                    + scorer.id() + " scores only finished trajectories; use LAST");
        }
        if (n > 1 && ctx.settings().temperature() == 0) {
            throw new IllegalArgumentException(name() + " needs a sampling temperature > 0");
        }
    }

    @Override
    Optional<RewardModel> stepScorer(SearchContext ctx) {
        return ctx.scorer().filter(m -> m.kind() == RewardModel.Kind.PROCESS);
    }

    @Override
    Optional<RewardModel> answerScorer(SearchContext ctx) {
        return ctx.scorer().filter(m -> m.kind() != RewardModel.Kind.PROCESS);
    }

    @Override
    double candidateScore(SearchNode answerNode) {
        List<Double> steps = new ArrayList<>();
        for (SearchNode node : answerNode.path()) {
            if (node.hasReward()) {
                steps.add(node.reward());
            }
        }
        return steps.isEmpty() ? Double.NaN : aggregation.apply(steps);
    }
}
