package dev.reason4j.spark;

import dev.reason4j.search.AdaptiveMcts;
import dev.reason4j.search.AdaptiveOptions;
import dev.reason4j.search.AnswerSelection;
import dev.reason4j.search.BestOfN;
import dev.reason4j.search.Greedy;
import dev.reason4j.search.MctsOptions;
import dev.reason4j.search.PrmBeamSearch;
import dev.reason4j.search.RStarMcts;
import dev.reason4j.search.ScoreAggregation;
import dev.reason4j.search.SearchStrategy;
import dev.reason4j.search.SelfConsistency;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The strategies' own parameters, as {@code reason4j eval} takes them, and the one place that turns a strategy's
 * command-line name into a {@link SearchStrategy}.
 *
 * @param samples trajectories of maj and bon
 * @param aggregate bon: step scores to a trajectory score
 * @param beamWidth beam: beams kept
 * @param beamSamples beam: next steps per beam
 * @param candidates mcts: next steps per expansion
 * @param rollouts mcts: rollouts per problem
 * @param exploration mcts: the UCT constant c
 * @param rstarQuirks reproduce rStar-Math's reference code (unvisited children score 0, dead-end penalties not backed
 *     up; the step protocol keeps failed code and fails output containing "error")
 * @param minRollouts adaptive: rollouts before settling
 * @param maxRollouts adaptive: most rollouts for one problem; 0 for twice {@code rollouts}
 * @param settleShare adaptive: the leading answer's least share of terminal value
 * @param settleScore adaptive: the leading answer's least reward score
 * @param selection how an answer is picked; {@code auto} is majority without a reward model, top score with one
 */
public record StrategyOptions(int samples, Aggregate aggregate, int beamWidth, int beamSamples, int candidates,
        int rollouts, double exploration, boolean rstarQuirks, int minRollouts, int maxRollouts, double settleShare,
        double settleScore, Selection selection) implements Serializable {

    /** Strategy names, as on the command line. */
    public static final List<String> NAMES = List.of("greedy", "maj", "bon", "beam", "mcts", "adaptive");

    /** bon's step scores to trajectory score. */
    public enum Aggregate {
        last,
        min,
        product,
        mean
    }

    /** How the answer is picked among trajectories. */
    public enum Selection {
        auto,
        top,
        majority,
        weighted
    }

    public StrategyOptions {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(selection, "selection");
        requireAtLeast("samples", samples, 1);
        requireAtLeast("beam-width", beamWidth, 1);
        requireAtLeast("beam-samples", beamSamples, 1);
        requireAtLeast("max-rollouts", maxRollouts, 0);
        // the strategies check the rest; fields are not assigned yet, so pass the parameters
        mcts(candidates, rollouts, exploration, rstarQuirks, AnswerSelection.MAJORITY);
        adaptive(minRollouts, maxRollouts, rollouts, settleShare, settleScore);
    }

    /**
     * The strategy called {@code name} on the command line.
     *
     * @param scored whether the search has a reward model (decides {@code auto} selection)
     * @throws IllegalArgumentException naming the strategy when it is not one of {@link #NAMES}
     */
    public SearchStrategy strategy(String name, boolean scored) {
        AnswerSelection chosen = resolve(scored);
        AnswerSelection ranked = selection == Selection.auto ? AnswerSelection.TOP_SCORE : chosen;
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "greedy" -> new Greedy();
            case "maj" -> new SelfConsistency(samples);
            case "bon" -> new BestOfN(samples, ScoreAggregation.valueOf(aggregate.name().toUpperCase(Locale.ROOT)),
                    ranked);
            case "beam" -> new PrmBeamSearch(beamWidth, beamSamples, ranked);
            case "mcts" -> new RStarMcts(mcts(candidates, rollouts, exploration, rstarQuirks, chosen));
            case "adaptive" -> new AdaptiveMcts(mcts(candidates, rollouts, exploration, rstarQuirks, chosen),
                    adaptive(minRollouts, maxRollouts, rollouts, settleShare, settleScore));
            default -> throw new IllegalArgumentException(
                    "strategy '" + name + "' is not one of " + String.join(", ", NAMES));
        };
    }

    private AnswerSelection resolve(boolean scored) {
        return switch (selection) {
            case auto -> scored ? AnswerSelection.TOP_SCORE : AnswerSelection.MAJORITY;
            case top -> AnswerSelection.TOP_SCORE;
            case majority -> AnswerSelection.MAJORITY;
            case weighted -> AnswerSelection.WEIGHTED;
        };
    }

    private static MctsOptions mcts(int candidates, int rollouts, double exploration, boolean rstarQuirks,
            AnswerSelection selection) {
        return MctsOptions.builder()
                .candidates(candidates)
                .rollouts(rollouts)
                .exploration(exploration)
                .unvisitedScoresZero(rstarQuirks)
                .propagateInvalidPenalty(!rstarQuirks)
                .selection(selection)
                .build();
    }

    private static AdaptiveOptions adaptive(int minRollouts, int maxRollouts, int rollouts, double settleShare,
            double settleScore) {
        return new AdaptiveOptions(Math.min(minRollouts, rollouts), maxRollouts > 0 ? maxRollouts : 2 * rollouts,
                settleShare, settleScore);
    }

    private static void requireAtLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
    }
}
