package dev.reason4j.recipes.evolve;

import dev.reason4j.search.AnswerSelection;
import dev.reason4j.search.BestOfN;
import dev.reason4j.search.Greedy;
import dev.reason4j.search.RStarMcts;
import dev.reason4j.search.ScoreAggregation;
import dev.reason4j.search.SearchStrategy;
import dev.reason4j.search.SelfConsistency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How each round's new policy (with its PPM) is evaluated.
 *
 * @param problems the evaluation problems
 * @param strategy how the policy is searched: {@code greedy}, {@code maj} (self-consistency over {@code samples}),
 *     {@code bon} (best of {@code samples} by the round's PPM, steps aggregated by their minimum) or {@code mcts}
 *     (rStar-Math's MCTS with the PPM initialising Q and choosing the answer)
 * @param samples trajectories of {@code maj} and {@code bon}
 * @param rollouts rollouts of {@code mcts}
 */
public record EvalSettings(ProblemFile problems, Strategy strategy, int samples, int rollouts) {

    /** The evaluation strategies. */
    public enum Strategy {
        GREEDY,
        MAJ,
        BON,
        MCTS;

        /** Whether it needs the round's PPM. */
        boolean needsPpm() {
            return this == BON;
        }

        /** Whether it uses the round's PPM when there is one. */
        boolean usesPpm() {
            return this == BON || this == MCTS;
        }
    }

    public EvalSettings {
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(strategy, "strategy");
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, was " + samples);
        }
        if (rollouts < 1) {
            throw new IllegalArgumentException("rollouts must be >= 1, was " + rollouts);
        }
    }

    /** The strategy, searching with {@code mcts}'s settings; {@code withPpm}: a PPM scores steps. */
    SearchStrategy searchStrategy(MctsSettings mcts, boolean withPpm) {
        return switch (strategy) {
            case GREEDY -> new Greedy();
            case MAJ -> new SelfConsistency(samples);
            case BON -> new BestOfN(samples, ScoreAggregation.MIN, AnswerSelection.TOP_SCORE);
            case MCTS -> new RStarMcts(mcts.options(withPpm ? AnswerSelection.TOP_SCORE : AnswerSelection.MAJORITY,
                    rollouts));
        };
    }

    /** The settings as recorded in a run's manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>(problems.toConfig());
        m.put("strategy", ConfigSection.name(strategy));
        m.put("samples", samples);
        m.put("rollouts", rollouts);
        return m;
    }
}
