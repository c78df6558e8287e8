package dev.reason4j.lm.train;

/**
 * How the learning rate moves over a run: a linear warmup from 0 to the peak over the warmup steps, then one of
 * these shapes down to {@code minLearningRateRatio · peak} at the last step (HF {@code get_cosine_schedule_with_warmup}
 * and {@code get_linear_schedule_with_warmup} when the ratio is 0).
 */
public enum LrSchedule {
    /** {@code lr = min + (peak − min) · ½(1 + cos(π·p))}, p the fraction of post-warmup steps done. */
    COSINE,
    /** {@code lr = min + (peak − min) · (1 − p)}. */
    LINEAR,
    /** {@code lr = peak} after warmup. */
    CONSTANT;

    /**
     * The learning rate at a step.
     *
     * @param step 0-based optimizer step
     * @param totalSteps optimizer steps in the run
     * @param warmupSteps steps of linear warmup
     * @param peak the peak learning rate
     * @param minRatio the final learning rate as a fraction of the peak
     */
    public double learningRate(long step, long totalSteps, long warmupSteps, double peak, double minRatio) {
        if (step < warmupSteps) {
            return peak * (step + 1) / (warmupSteps + 1);
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        double min = peak * minRatio;
        return switch (this) {
            case COSINE -> min + (peak - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
            case LINEAR -> min + (peak - min) * (1 - progress);
            case CONSTANT -> peak;
        };
    }
}
