package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.CodeExecutor;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.AnswerSelection;
import dev.reason4j.search.RStarMcts;
import dev.reason4j.search.SearchContext;
import dev.reason4j.search.SearchResult;
import dev.reason4j.search.SearchStrategy;

/**
 * The parts of a self-evolution round's synthesis stage (step 1 of {@link SelfEvolution}), for runners other than
 * {@code reason4j evolve} (the Spark job of {@code reason4j-spark} runs them on a cluster). {@link SelfEvolution}
 * searches with these same parts, so a problem searched with the same settings, seed and models gets the record the
 * round writes to {@code round-R/synthesis/results.jsonl}, which {@link TreeExtractionStage} reads.
 *
 * <p>The search is rStar-Math's MCTS (Guan et al., arXiv:2501.04519, §3.4) with terminal-guided annotation: a
 * trajectory that ends in an answer gets the oracle's terminal value {@code v = +1} when the answer equals the gold
 * answer, else {@code −1}, backed up along its path; from round 2 the previous round's PPM {@code P} initialises
 * each new step's value, {@code q(s) = P(s), N(s) = 1}, before any terminal value reaches it. The answer reported is
 * the top-scored one.
 */
public final class RoundSynthesis {

    private RoundSynthesis() {}

    /** The search: {@link RStarMcts} with {@code mcts}'s rollouts, candidates and UCT constant, top-score answer. */
    public static SearchStrategy strategy(MctsSettings mcts) {
        return new RStarMcts(mcts.options(AnswerSelection.TOP_SCORE, mcts.rollouts()));
    }

    /**
     * What the search runs with: {@code mcts}'s step format and sampling, the oracle's terminal rewards and, when
     * given, the PPM's step scores. The context owns none of its parts.
     *
     * @param executor the sandbox (the code step format needs one), or null
     * @param ppm the previous round's process preference model, or null in round 1
     */
    public static SearchContext context(MctsSettings mcts, MathGrader grader, LanguageModel policy,
            CodeExecutor executor, RewardModel ppm) {
        return SearchModels.context(mcts, grader, policy, executor, ppm, true);
    }

    /**
     * A problem's record: question, gold, {@code difficulty} (when not null), whether the chosen answer is
     * {@code correct} and whether any trajectory {@code solved} it, grade reason, answers, usage and the search tree.
     */
    public static ObjectNode record(Problem problem, SearchResult result, MathGrader grader, String difficulty,
            ObjectMapper mapper) {
        return SearchStage.record(problem, result, grader, difficulty, true, mapper);
    }
}
