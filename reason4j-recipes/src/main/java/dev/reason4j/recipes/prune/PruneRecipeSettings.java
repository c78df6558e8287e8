package dev.reason4j.recipes.prune;

import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.data.LengthLimit;
import dev.reason4j.recipes.stages.SamplingSettings;
import dev.reason4j.recipes.stages.TrainStage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the O1-Pruner recipe ({@link PruneRecipe}).
 *
 * @param sampling the pre-sampling of the reference model (O1-Pruner: K 16 at temperature 0.5, top-p 0.8)
 * @param evaluation how every model (and the fast-solving prompt) is sampled on the held-out problems
 * @param weights λ, the clip range, m and the draw's seed of the length-harmonizing weights
 * @param baselines the baselines run besides O1-Pruner
 * @param training the length-harmonizing run's hyperparameters (objective {@link Objective#LH}); the SFT and DPO
 *     baselines train with the same ones under their own objective
 * @param lengthLimit the longest training sequence, and what happens to longer ones
 */
public record PruneRecipeSettings(SamplingSettings sampling, SamplingSettings evaluation, PruneOptions weights,
        Set<PruneBaseline> baselines, TrainingConfig training, LengthLimit lengthLimit) {

    public PruneRecipeSettings {
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(weights, "weights");
        baselines = Set.copyOf(baselines);
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(lengthLimit, "lengthLimit");
        if (training.objective() != Objective.LH) {
            throw new IllegalArgumentException("training must be the length-harmonizing objective lh, was "
                    + training.objective());
        }
    }

    /** The hyperparameters of {@link #training} under {@code objective}. */
    public TrainingConfig training(Objective objective) {
        return training.toBuilder().objective(objective).build();
    }

    /** The settings as recorded in the recipe's manifest (the seeds are recorded as seeds). */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampling", sampling.toConfig());
        m.put("evaluation", evaluation.toConfig());
        m.put("weights", weights.toConfig());
        m.put("baselines", Arrays.stream(PruneBaseline.values()).filter(baselines::contains)
                .map(PruneBaseline::wireName).toList());
        m.put("training", TrainStage.describe(training));
        m.put("max_length", lengthLimit.maxTokens());
        m.put("overflow", lengthLimit.overflow());
        return m;
    }
}
