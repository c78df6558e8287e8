package dev.reason4j.app.recipes.common;

import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.data.LengthLimit;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The fine-tuning hyperparameters a recipe exposes; what is not given keeps {@link TrainingConfig}'s default (the
 * papers' loss parameters, HF/TRL's optimizer). {@code reason4j train} has them all, for training on a recipe's data
 * set by hand.
 */
public final class TrainOptions {

    private static final List<String> ATTENTION = List.of("q_proj", "k_proj", "v_proj", "o_proj");

    @Option(names = {"--lr", "--learning-rate"}, description = "Peak learning rate (default: 1e-5).")
    Double learningRate;

    @Option(names = "--epochs", description = "Passes over the training data (default: 1).")
    Integer epochs;

    @Option(names = "--max-steps", description = "Optimizer steps; replaces --epochs when > 0 (default: 0).")
    Long maxSteps;

    @Option(names = "--batch-size", description = "Examples per forward/backward pass (default: 1).")
    Integer batchSize;

    @Option(names = "--grad-accum", description = "Micro-batches per optimizer step (default: 1).")
    Integer gradientAccumulation;

    @Option(names = "--warmup-ratio", description = "Warmup as a fraction of all steps (default: 0).")
    Double warmupRatio;

    @Option(names = "--beta", description = "β of DPO, RPO and SimPO (default: 0.1, SimPO 2.0).")
    Double beta;

    @Option(names = "--simpo-gamma", description = "γ, SimPO's target margin (default: 0.5β).")
    Double simpoGamma;

    @Option(names = "--rpo-alpha", description = "α, weight of RPO's NLL term (default: 1).")
    Double rpoAlpha;

    @Option(names = "--lh-epsilon", description = "ε, clip range of the length-harmonizing loss (default: 0.2).")
    Double lhEpsilon;

    @Option(names = "--lora-rank", defaultValue = "0",
            description = "Train LoRA adapters of this rank (α = 2r) on the attention projections; 0 trains all "
                    + "weights (default: ${DEFAULT-VALUE}).")
    int loraRank;

    @Option(names = "--checkpoint-every", description = "Resumable checkpoint every N optimizer steps (default: 500).")
    Integer checkpointEvery;

    @Option(names = "--train-seed", defaultValue = "0",
            description = "Data order and initialisation of training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-length", defaultValue = "0", paramLabel = "TOKENS",
            description = "Longest prompt + response trained on, longer ones truncated; 0 for no limit "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxLength;

    /** The configuration of a run with {@code objective}; the recipe puts its own output directory in. */
    public TrainingConfig config(Objective objective) {
        TrainingConfig.Builder b = TrainingConfig.builder(objective, Path.of("."))
                .seed(seed)
                .adaptation(loraRank > 0 ? new Adaptation.Lora(loraRank, 2.0 * loraRank, 0,
                        ATTENTION) : Adaptation.full());
        if (learningRate != null) {
            b.learningRate(learningRate);
        }
        if (epochs != null) {
            b.epochs(epochs);
        }
        if (maxSteps != null) {
            b.maxSteps(maxSteps);
        }
        if (batchSize != null) {
            b.microBatchSize(batchSize);
        }
        if (gradientAccumulation != null) {
            b.gradientAccumulation(gradientAccumulation);
        }
        if (warmupRatio != null) {
            b.warmupRatio(warmupRatio);
        }
        if (beta != null) {
            b.beta(beta);
        }
        if (simpoGamma != null) {
            b.simpoGamma(simpoGamma);
        }
        if (rpoAlpha != null) {
            b.rpoAlpha(rpoAlpha);
        }
        if (lhEpsilon != null) {
            b.lhEpsilon(lhEpsilon);
        }
        if (checkpointEvery != null) {
            b.checkpointEvery(checkpointEvery);
        }
        return b.build();
    }

    /** The longest training sequence; longer ones are truncated. */
    public LengthLimit lengthLimit() {
        if (maxLength < 0) {
            throw new IllegalArgumentException("--max-length must be >= 0 (0 = no limit), was " + maxLength);
        }
        return new LengthLimit(maxLength, LengthLimit.Overflow.TRUNCATE);
    }
}
