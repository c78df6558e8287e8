package dev.reason4j.recipes.evolve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A self-evolution run (rStar-Math, arXiv:2501.04519, §3.4), as {@code evolve.yaml} describes it; see
 * {@link EvolveConfigFile} for the file and {@link SelfEvolution} for what a round does.
 *
 * @param baseModel the starting policy, a Hugging Face model directory: round 1 searches with it, and every round's
 *     policy is fine-tuned from it
 * @param problems the problems each round's MCTS synthesises training data from
 * @param rounds how many rounds
 * @param seeds the search, training and evaluation seeds
 * @param mcts how synthesis searches, and the step format and sampling of every search
 * @param policyData which trajectories become the policy's SFT data
 * @param ppmPairs how the PPM's preference pairs are built
 * @param policyTraining how each round's policy is trained (SFT)
 * @param ppmTraining how each round's PPM is trained (pairwise loss)
 * @param eval how each round's policy and PPM are evaluated
 */
public record EvolveConfig(Path baseModel, ProblemFile problems, int rounds, EvolveSeeds seeds, MctsSettings mcts,
        PolicyDataOptions policyData, PpmPairOptions ppmPairs, TrainingSettings policyTraining,
        TrainingSettings ppmTraining, EvalSettings eval) {

    public EvolveConfig {
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(mcts, "mcts");
        Objects.requireNonNull(policyData, "policyData");
        Objects.requireNonNull(ppmPairs, "ppmPairs");
        Objects.requireNonNull(policyTraining, "policyTraining");
        Objects.requireNonNull(ppmTraining, "ppmTraining");
        Objects.requireNonNull(eval, "eval");
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        }
    }

    /** The whole configuration as recorded in the run's manifest: a changed setting is another run. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base_model", baseModel.toAbsolutePath().normalize().toString());
        m.put("problems", problems.toConfig());
        m.put("rounds", rounds);
        m.put("mcts", mcts.toConfig());
        Map<String, Object> data = new LinkedHashMap<>(policyData.toConfig());
        data.putAll(ppmPairs.toConfig());
        m.put("data", data);
        m.put("train_policy", policyTraining.toConfig());
        m.put("train_ppm", ppmTraining.toConfig());
        m.put("eval", eval.toConfig());
        return m;
    }
}
