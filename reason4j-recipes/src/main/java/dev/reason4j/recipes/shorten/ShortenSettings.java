package dev.reason4j.recipes.shorten;

import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.data.LengthLimit;
import dev.reason4j.recipes.stages.SamplingSettings;
import dev.reason4j.recipes.stages.TrainStage;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the overthinking self-training ({@link ShortenRecipe}).
 *
 * @param sampling how the K responses per training problem are drawn (paper: K 10 at temperature 1.0)
 * @param evaluation how the model is sampled on the held-out problems before and after training
 * @param target the short target trained on
 * @param training the method ({@link TrainingConfig#objective()}: SimPO, DPO, RPO or SFT) and its hyperparameters;
 *     the output directory is the recipe's training stage
 * @param lengthLimit the longest training sequence, and what happens to longer ones
 */
public record ShortenSettings(SamplingSettings sampling, SamplingSettings evaluation, ShortTarget target,
        TrainingConfig training, LengthLimit lengthLimit) {

    /** The methods the recipe trains with: preference pairs against the longest response, or SFT on the target. */
    public static final Set<Objective> METHODS = EnumSet.of(Objective.SIMPO, Objective.DPO, Objective.RPO, Objective.SFT);

    public ShortenSettings {
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(lengthLimit, "lengthLimit");
        if (!METHODS.contains(training.objective())) {
            throw new IllegalArgumentException("method must be simpo, dpo, rpo or sft, was "
                    + training.objective().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The data set the method trains on: the target's pairs, or for SFT the targets themselves. */
    public String dataSet() {
        return training.objective() == Objective.SFT ? ShortenStage.sftName(target) : ShortenStage.pairsName(target);
    }

    /** The settings as recorded in the recipe's manifest (the sampling seeds are recorded as seeds). */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampling", sampling.toConfig());
        m.put("evaluation", evaluation.toConfig());
        m.put("target", target.wireName());
        m.put("data_set", dataSet());
        m.put("training", TrainStage.describe(training));
        m.put("max_length", lengthLimit.maxTokens());
        m.put("overflow", lengthLimit.overflow());
        return m;
    }
}
