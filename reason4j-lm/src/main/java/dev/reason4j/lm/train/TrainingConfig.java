package dev.reason4j.lm.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a training run is given besides the model and the data. Build with {@link #builder(Objective, Path)};
 * unset fields keep the defaults below, which follow the papers (loss parameters) and HF/TRL (optimizer).
 *
 * @param objective the loss
 * @param beta β: DPO/RPO 0.1, SimPO 2.0 by default (the objective's own default when unset)
 * @param rpoAlpha α, the weight of RPO's NLL term, default 1
 * @param simpoGamma γ, SimPO's target margin, default 0.5β
 * @param lhEpsilon ε, the clip range of the length-harmonizing loss, default 0.2
 * @param learningRate peak learning rate, default 1e-5
 * @param adamBeta1 AdamW β1, default 0.9
 * @param adamBeta2 AdamW β2, default 0.999
 * @param adamEpsilon AdamW ε, default 1e-8
 * @param weightDecay AdamW decoupled weight decay, default 0
 * @param schedule learning-rate shape after warmup, default cosine
 * @param warmupSteps optimizer steps of linear warmup, default 0
 * @param warmupRatio warmup as a fraction of all optimizer steps, default 0; the larger of the two wins
 * @param minLearningRateRatio the last step's learning rate as a fraction of the peak, default 0
 * @param maxSteps optimizer steps to run; 0 (default) runs {@code epochs} passes over the data
 * @param epochs passes over the training examples when {@code maxSteps} is 0, default 1
 * @param microBatchSize examples per forward/backward pass, default 1
 * @param gradientAccumulation micro-batches summed into one optimizer step, default 1
 * @param maxGradNorm clip the global gradient L2 norm to this; 0 turns clipping off; default 1.0
 * @param seed shuffles the data (per epoch) and splits off the eval set; LoRA and value-head initialisation too
 * @param evalFraction fraction of the examples held out for the eval loss, in [0, 1), default 0
 * @param evalEvery compute the eval loss every this many optimizer steps (and at the end); 0: only at the end
 * @param checkpointEvery write a resumable checkpoint every this many optimizer steps; 0: none before the end;
 *     default 500
 * @param keepCheckpoints how many of the latest checkpoints to keep, {@code >= 1}, default 2
 * @param adaptation which parameters train, default {@link Adaptation.Full}
 * @param mixedPrecision run forward passes under bf16 autocast when the engine is on a GPU (parameters, optimizer
 *     state and losses stay float32), default true; no effect on CPU
 * @param outputDir where checkpoints and the final model go; a run whose directory already holds a checkpoint of the
 *     same configuration resumes from it
 */
public record TrainingConfig(
        Objective objective,
        double beta,
        double rpoAlpha,
        double simpoGamma,
        double lhEpsilon,
        double learningRate,
        double adamBeta1,
        double adamBeta2,
        double adamEpsilon,
        double weightDecay,
        LrSchedule schedule,
        int warmupSteps,
        double warmupRatio,
        double minLearningRateRatio,
        long maxSteps,
        int epochs,
        int microBatchSize,
        int gradientAccumulation,
        double maxGradNorm,
        long seed,
        double evalFraction,
        int evalEvery,
        int checkpointEvery,
        int keepCheckpoints,
        Adaptation adaptation,
        boolean mixedPrecision,
        Path outputDir) {

    public TrainingConfig {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(adaptation, "adaptation");
        Objects.requireNonNull(outputDir, "outputDir");
        requirePositive("beta", beta);
        requireRange("rpoAlpha", rpoAlpha, 0, Double.MAX_VALUE);
        if (!Double.isFinite(simpoGamma)) {
            throw new IllegalArgumentException("simpoGamma must be finite, was " + simpoGamma);
        }
        if (!(lhEpsilon > 0 && lhEpsilon < 1)) {
            throw new IllegalArgumentException("lhEpsilon must be in (0, 1), was " + lhEpsilon);
        }
        requirePositive("learningRate", learningRate);
        if (!(adamBeta1 >= 0 && adamBeta1 < 1)) {
            throw new IllegalArgumentException("adamBeta1 must be in [0, 1), was " + adamBeta1);
        }
        if (!(adamBeta2 >= 0 && adamBeta2 < 1)) {
            throw new IllegalArgumentException("adamBeta2 must be in [0, 1), was " + adamBeta2);
        }
        requirePositive("adamEpsilon", adamEpsilon);
        requireRange("weightDecay", weightDecay, 0, Double.MAX_VALUE);
        requireAtLeast("warmupSteps", warmupSteps, 0);
        if (!(warmupRatio >= 0 && warmupRatio < 1)) {
            throw new IllegalArgumentException("warmupRatio must be in [0, 1), was " + warmupRatio);
        }
        requireRange("minLearningRateRatio", minLearningRateRatio, 0, 1);
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0 (0 = run epochs), was " + maxSteps);
        }
        requireAtLeast("epochs", epochs, 1);
        requireAtLeast("microBatchSize", microBatchSize, 1);
        requireAtLeast("gradientAccumulation", gradientAccumulation, 1);
        requireRange("maxGradNorm", maxGradNorm, 0, Double.MAX_VALUE);
        if (!(evalFraction >= 0 && evalFraction < 1)) {
            throw new IllegalArgumentException("evalFraction must be in [0, 1), was " + evalFraction);
        }
        requireAtLeast("evalEvery", evalEvery, 0);
        requireAtLeast("checkpointEvery", checkpointEvery, 0);
        requireAtLeast("keepCheckpoints", keepCheckpoints, 1);
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, was " + value);
        }
    }

    private static void requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
    }

    private static void requireAtLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
    }

    /** Examples per optimizer step: micro-batch size times gradient accumulation. */
    public int effectiveBatchSize() {
        return microBatchSize * gradientAccumulation;
    }

    /** Optimizer steps over {@code trainExamples} examples: {@code maxSteps}, or epochs × ⌈examples / batch⌉. */
    public long totalSteps(int trainExamples) {
        if (maxSteps > 0) {
            return maxSteps;
        }
        return (long) epochs * Math.ceilDiv(Math.max(trainExamples, 1), effectiveBatchSize());
    }

    /** Warmup steps for a run of {@code totalSteps}: the larger of {@code warmupSteps} and ⌈ratio · total⌉. */
    public long warmupSteps(long totalSteps) {
        return Math.max(warmupSteps, (long) Math.ceil(warmupRatio * totalSteps));
    }

    /** The learning rate at 0-based optimizer step {@code step} of a run of {@code totalSteps}. */
    public double learningRateAt(long step, long totalSteps) {
        return schedule.learningRate(step, totalSteps, warmupSteps(totalSteps), learningRate, minLearningRateRatio);
    }

    /** The default β of an objective: SimPO 2.0, the others (DPO, RPO) 0.1. */
    public static double defaultBeta(Objective objective) {
        return objective == Objective.SIMPO ? 2.0 : 0.1;
    }

    public static Builder builder(Objective objective, Path outputDir) {
        return new Builder(objective, outputDir);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(objective, outputDir)
                .beta(beta).rpoAlpha(rpoAlpha).simpoGamma(simpoGamma).lhEpsilon(lhEpsilon)
                .learningRate(learningRate).adamBetas(adamBeta1, adamBeta2).adamEpsilon(adamEpsilon)
                .weightDecay(weightDecay).schedule(schedule).warmupSteps(warmupSteps).warmupRatio(warmupRatio)
                .minLearningRateRatio(minLearningRateRatio).maxSteps(maxSteps).epochs(epochs)
                .microBatchSize(microBatchSize).gradientAccumulation(gradientAccumulation).maxGradNorm(maxGradNorm)
                .seed(seed).evalFraction(evalFraction).evalEvery(evalEvery).checkpointEvery(checkpointEvery)
                .keepCheckpoints(keepCheckpoints).adaptation(adaptation).mixedPrecision(mixedPrecision);
    }

    /** Builds a {@link TrainingConfig}; β and γ default by objective unless set. */
    public static final class Builder {
        private Objective objective;
        private Path outputDir;
        private Double beta;
        private double rpoAlpha = 1.0;
        private Double simpoGamma;
        private double lhEpsilon = 0.2;
        private double learningRate = 1e-5;
        private double adamBeta1 = 0.9;
        private double adamBeta2 = 0.999;
        private double adamEpsilon = 1e-8;
        private double weightDecay = 0.0;
        private LrSchedule schedule = LrSchedule.COSINE;
        private int warmupSteps = 0;
        private double warmupRatio = 0.0;
        private double minLearningRateRatio = 0.0;
        private long maxSteps = 0;
        private int epochs = 1;
        private int microBatchSize = 1;
        private int gradientAccumulation = 1;
        private double maxGradNorm = 1.0;
        private long seed = 0;
        private double evalFraction = 0.0;
        private int evalEvery = 0;
        private int checkpointEvery = 500;
        private int keepCheckpoints = 2;
        private Adaptation adaptation = Adaptation.full();
        private boolean mixedPrecision = true;

        private Builder(Objective objective, Path outputDir) {
            this.objective = Objects.requireNonNull(objective, "objective");
            this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
        }

        public Builder objective(Objective objective) {
            this.objective = Objects.requireNonNull(objective, "objective");
            return this;
        }

        public Builder outputDir(Path outputDir) {
            this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
            return this;
        }

        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        public Builder rpoAlpha(double rpoAlpha) {
            this.rpoAlpha = rpoAlpha;
            return this;
        }

        public Builder simpoGamma(double simpoGamma) {
            this.simpoGamma = simpoGamma;
            return this;
        }

        public Builder lhEpsilon(double lhEpsilon) {
            this.lhEpsilon = lhEpsilon;
            return this;
        }

        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder adamBetas(double beta1, double beta2) {
            this.adamBeta1 = beta1;
            this.adamBeta2 = beta2;
            return this;
        }

        public Builder adamEpsilon(double adamEpsilon) {
            this.adamEpsilon = adamEpsilon;
            return this;
        }

        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder schedule(LrSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder warmupSteps(int warmupSteps) {
            this.warmupSteps = warmupSteps;
            return this;
        }

        public Builder warmupRatio(double warmupRatio) {
            this.warmupRatio = warmupRatio;
            return this;
        }

        public Builder minLearningRateRatio(double minLearningRateRatio) {
            this.minLearningRateRatio = minLearningRateRatio;
            return this;
        }

        public Builder maxSteps(long maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder microBatchSize(int microBatchSize) {
            this.microBatchSize = microBatchSize;
            return this;
        }

        public Builder gradientAccumulation(int gradientAccumulation) {
            this.gradientAccumulation = gradientAccumulation;
            return this;
        }

        public Builder maxGradNorm(double maxGradNorm) {
            this.maxGradNorm = maxGradNorm;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder evalFraction(double evalFraction) {
            this.evalFraction = evalFraction;
            return this;
        }

        public Builder evalEvery(int evalEvery) {
            this.evalEvery = evalEvery;
            return this;
        }

        public Builder checkpointEvery(int checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
            return this;
        }

        public Builder keepCheckpoints(int keepCheckpoints) {
            this.keepCheckpoints = keepCheckpoints;
            return this;
        }

        public Builder adaptation(Adaptation adaptation) {
            this.adaptation = Objects.requireNonNull(adaptation, "adaptation");
            return this;
        }

        public Builder mixedPrecision(boolean mixedPrecision) {
            this.mixedPrecision = mixedPrecision;
            return this;
        }

        public TrainingConfig build() {
            double b = beta != null ? beta : defaultBeta(objective);
            double g = simpoGamma != null ? simpoGamma : 0.5 * b;
            return new TrainingConfig(objective, b, rpoAlpha, g, lhEpsilon, learningRate, adamBeta1, adamBeta2,
                    adamEpsilon, weightDecay, schedule, warmupSteps, warmupRatio, minLearningRateRatio, maxSteps,
                    epochs, microBatchSize, gradientAccumulation, maxGradNorm, seed, evalFraction, evalEvery,
                    checkpointEvery, keepCheckpoints, adaptation, mixedPrecision, outputDir);
        }
    }
}
