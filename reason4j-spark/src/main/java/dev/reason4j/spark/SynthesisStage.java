package dev.reason4j.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.recipes.evolve.MctsSettings;
import dev.reason4j.recipes.evolve.ProblemFile;
import dev.reason4j.recipes.evolve.RoundSynthesis;
import dev.reason4j.recipes.evolve.StepFormat;
import dev.reason4j.search.SearchContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The synthesis stage of an rStar-Math self-evolution round ({@code reason4j evolve}'s first stage) on the
 * executors: rStar MCTS with the oracle's terminal rewards (±1: the answer equals the gold answer or not) and, from
 * round 2, the previous round's PPM initialising each new step's Q ({@code q(s) = P(s), N(s) = 1}); see
 * {@link RoundSynthesis}, which builds the search and the records for both {@code evolve} and this stage.
 *
 * <p>One unit, {@code mcts}. Each record is the line {@code evolve} writes to {@code round-R/synthesis/results.jsonl}
 * (question, gold, difficulty, correct, solved, grade reason, answers, usage and the search tree) plus the wall time
 * of the batch it was searched in, so {@link dev.reason4j.recipes.evolve.TreeExtractionStage} reads the job's
 * {@code results.jsonl} as it reads a round's. A problem is seeded from {@code seed} and its id, so it gets the same
 * tree here as in {@code evolve} whatever task or batch it falls in.
 *
 * @param mcts the search settings of {@code evolve.yaml}'s {@code mcts} section
 * @param seed the round's synthesis seed ({@code evolve}'s round {@code r}: {@code seeds.search + r − 1})
 * @param difficultyField the problems' meta field holding their difficulty, or null for the first of
 *     {@code difficulty}, {@code level} and {@code tier} (as {@code evolve}'s {@code problems.difficulty_field})
 */
public record SynthesisStage(MctsSettings mcts, long seed, String difficultyField) implements ProblemStage {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SynthesisStage {
        Objects.requireNonNull(mcts, "mcts");
    }

    /**
     * The stage for the job's search options: protocol, sampling (temperature, top-p, step tokens, depth), rollouts,
     * candidates, exploration, quirks and code-error limit become {@link MctsSettings}; a PPM ({@code --ppm}) is
     * opened by each executor's session and initialises Q.
     *
     * @param batch problems searched together (the records do not depend on it)
     * @throws IllegalArgumentException naming an option that synthesis does not take
     */
    public static SynthesisStage of(SearchOptions search, int batch, long seed, String difficultyField) {
        refuseWhatSynthesisDecides(search);
        StrategyOptions strategy = search.strategies();
        SamplingOptions sampling = search.sampling();
        StepOptions steps = search.steps();
        MctsSettings mcts = new MctsSettings(steps.protocol() == StepOptions.Protocol.code ? StepFormat.CODE
                : StepFormat.COT, strategy.rollouts(), strategy.candidates(), sampling.maxDepth(),
                sampling.maxStepTokens(), strategy.exploration(), sampling.temperature(), sampling.topP(), batch,
                strategy.rstarQuirks(), steps.maxCodeErrors());
        return new SynthesisStage(mcts, seed, difficultyField);
    }

    /** Options whose job the synthesis stage does itself, as {@code evolve} does: giving one is a mistake. */
    private static void refuseWhatSynthesisDecides(SearchOptions search) {
        String why = null;
        if (search.reward().reward() != RewardOptions.Reward.none) {
            why = "reward " + search.reward().reward() + ": synthesis scores answers with the oracle itself";
        } else if (search.reward().orm() != null) {
            why = "orm: synthesis initialises Q with a PPM (ppm), not an ORM";
        } else if (search.strategies().selection() != StrategyOptions.Selection.auto) {
            why = "selection " + search.strategies().selection() + ": synthesis reports the top-scored answer";
        } else if (search.steps().promptTemplate() != null || search.steps().chat()) {
            why = "prompt-template and chat: synthesis prompts with the step format's own prompt";
        } else if (search.sampling().budget() != 0) {
            why = "budget " + search.sampling().budget() + ": synthesis runs every rollout";
        } else if (search.sampling().lockstep()) {
            why = "lockstep: synthesis searches each problem on its own, so trees do not depend on the batch";
        }
        if (why != null) {
            throw new IllegalArgumentException("the synthesis stage does not take " + why + ", as evolve does");
        }
    }

    @Override
    public String name() {
        return "synthesis";
    }

    @Override
    public List<String> units() {
        return List.of(RoundSynthesis.strategy(mcts).name());
    }

    /** The settings that decide the records: {@code evolve}'s {@code mcts} section but its batch, and the difficulty field. */
    @Override
    public Map<String, Object> config() {
        Map<String, Object> settings = new LinkedHashMap<>(mcts.toConfig());
        settings.remove("batch");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mcts", settings);
        c.put("difficulty_field", difficultyField);
        return c;
    }

    @Override
    public Map<String, Long> seeds() {
        return Map.of("search", seed);
    }

    @Override
    public List<ObjectNode> solve(int unit, List<Problem> problems, ExecutorSession session) {
        SearchContext opened = session.context();
        SearchContext context = RoundSynthesis.context(mcts, session.grader(), opened.policy(),
                opened.executor().orElse(null), opened.valueModel().orElse(null));
        return BatchRecords.solve(RoundSynthesis.strategy(mcts), context, problems, seed,
                (problem, result) -> RoundSynthesis.record(problem, result, session.grader(),
                        ProblemFile.difficulty(problem, difficultyField).orElse(null), MAPPER));
    }
}
