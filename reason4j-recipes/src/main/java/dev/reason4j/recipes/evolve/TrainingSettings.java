package dev.reason4j.recipes.evolve;

import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.LrSchedule;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.data.DataOptions;
import dev.reason4j.lm.train.data.LengthLimit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one model of a round is trained (the policy with SFT, the PPM with the pairwise loss); the rest of the
 * {@link TrainingConfig} keeps its defaults.
 *
 * @param learningRate peak learning rate (rStar-Math: 7e-6 for the 7B policy and PPM)
 * @param epochs passes over the round's data when {@code maxSteps} is 0 (rStar-Math: 2 for the policy, 1 for the PPM)
 * @param maxSteps optimizer steps; 0 runs {@code epochs}
 * @param batchSize examples per forward/backward pass
 * @param gradientAccumulation micro-batches per optimizer step
 * @param warmupRatio warmup as a fraction of all steps
 * @param weightDecay AdamW weight decay
 * @param maxGradNorm gradient clipping; 0 turns it off
 * @param schedule learning-rate shape after warmup
 * @param checkpointEvery a resumable checkpoint every this many steps (0: only the final model), so a killed
 *     training resumes near where it stopped
 * @param maxLength longest prompt + reply in tokens; longer SFT replies are cut, longer step examples left out; 0 for
 *     no limit
 * @param adaptation which parameters train
 * @param lastLayers decoder layers trained from the top, with {@link AdaptationKind#LAST_LAYERS}
 * @param loraRank LoRA rank, with {@link AdaptationKind#LORA}
 * @param loraAlpha LoRA α, with {@link AdaptationKind#LORA}
 */
public record TrainingSettings(double learningRate, int epochs, long maxSteps, int batchSize, int gradientAccumulation,
        double warmupRatio, double weightDecay, double maxGradNorm, LrSchedule schedule, int checkpointEvery,
        int maxLength, AdaptationKind adaptation, int lastLayers, int loraRank, double loraAlpha) {

    /** Which parameters train. */
    public enum AdaptationKind {
        FULL,
        LAST_LAYERS,
        LORA
    }

    /** Checks every setting by building the configuration they make (TrainingConfig states its own rules). */
    public TrainingSettings(double learningRate, int epochs, long maxSteps, int batchSize, int gradientAccumulation,
            double warmupRatio, double weightDecay, double maxGradNorm, LrSchedule schedule, int checkpointEvery,
            int maxLength, AdaptationKind adaptation, int lastLayers, int loraRank, double loraAlpha) {
        this.learningRate = learningRate;
        this.epochs = epochs;
        this.maxSteps = maxSteps;
        this.batchSize = batchSize;
        this.gradientAccumulation = gradientAccumulation;
        this.warmupRatio = warmupRatio;
        this.weightDecay = weightDecay;
        this.maxGradNorm = maxGradNorm;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.checkpointEvery = checkpointEvery;
        this.maxLength = maxLength;
        this.adaptation = Objects.requireNonNull(adaptation, "adaptation");
        this.lastLayers = lastLayers;
        this.loraRank = loraRank;
        this.loraAlpha = loraAlpha;
        if (maxLength < 0) {
            throw new IllegalArgumentException("max_length must be >= 0 (0 = no limit), was " + maxLength);
        }
        config(Objective.SFT, Path.of("."), 0);
    }

    /** rStar-Math's policy training: learning rate 7e-6, 2 epochs, cosine, full fine-tuning, checkpoints every 100. */
    public static TrainingSettings policyDefaults() {
        return new TrainingSettings(7e-6, 2, 0, 1, 1, 0, 0, 1.0, LrSchedule.COSINE, 100, 0, AdaptationKind.FULL, 1, 8,
                16);
    }

    /** rStar-Math's PPM training: learning rate 7e-6, 1 epoch, otherwise as the policy. */
    public static TrainingSettings ppmDefaults() {
        return new TrainingSettings(7e-6, 1, 0, 1, 1, 0, 0, 1.0, LrSchedule.COSINE, 100, 0, AdaptationKind.FULL, 1, 8,
                16);
    }

    /** The configuration of a run of {@code objective} into {@code outputDir} with training seed {@code seed}. */
    public TrainingConfig config(Objective objective, Path outputDir, long seed) {
        return TrainingConfig.builder(objective, outputDir)
                .seed(seed)
                .learningRate(learningRate)
                .epochs(epochs)
                .maxSteps(maxSteps)
                .microBatchSize(batchSize)
                .gradientAccumulation(gradientAccumulation)
                .warmupRatio(warmupRatio)
                .weightDecay(weightDecay)
                .maxGradNorm(maxGradNorm)
                .schedule(schedule)
                .checkpointEvery(checkpointEvery)
                .adaptation(switch (adaptation) {
                    case FULL -> Adaptation.full();
                    case LAST_LAYERS -> Adaptation.lastLayers(lastLayers);
                    case LORA -> Adaptation.lora(loraRank, loraAlpha);
                })
                .build();
    }

    /** How the round's data file is read: its format is told by its records, long examples as {@link #maxLength}. */
    public DataOptions dataOptions() {
        return DataOptions.defaults().withLengthLimit(maxLength == 0 ? LengthLimit.none()
                : new LengthLimit(maxLength, LengthLimit.Overflow.TRUNCATE));
    }

    /** The settings as recorded in a run's manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learning_rate", learningRate);
        m.put("epochs", epochs);
        m.put("max_steps", maxSteps);
        m.put("batch_size", batchSize);
        m.put("gradient_accumulation", gradientAccumulation);
        m.put("warmup_ratio", warmupRatio);
        m.put("weight_decay", weightDecay);
        m.put("max_grad_norm", maxGradNorm);
        m.put("schedule", ConfigSection.name(schedule));
        m.put("checkpoint_every", checkpointEvery);
        m.put("max_length", maxLength);
        m.put("adaptation", ConfigSection.name(adaptation));
        m.put("last_layers", lastLayers);
        m.put("lora_rank", loraRank);
        m.put("lora_alpha", loraAlpha);
        return m;
    }
}
