package dev.reason4j.lm.train;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one optimizer step did.
 *
 * @param step optimizer steps done, counting this one (1-based; continues across a resume)
 * @param totalSteps optimizer steps in the run
 * @param epoch fractional passes over the training examples so far
 * @param loss this step's training loss, averaged over its examples
 * @param learningRate the learning rate this step used
 * @param gradNorm the global gradient L2 norm before clipping
 * @param tokens tokens fed to the model in this step
 * @param totalTokens tokens fed since the run started (across resumes)
 * @param tokensPerSecond training throughput since this process started or resumed the run
 * @param elapsedSeconds wall time since this process started or resumed the run
 * @param evalLoss the eval-set loss, present on steps where it was computed
 * @param extras objective-specific numbers (for preference losses {@code "accuracy"}: the fraction of pairs whose
 *     implicit reward margin is positive, and {@code "margin"}: its mean), possibly empty
 */
public record StepMetrics(long step, long totalSteps, double epoch, double loss, double learningRate, double gradNorm,
        long tokens, long totalTokens, double tokensPerSecond, double elapsedSeconds, OptionalDouble evalLoss,
        Map<String, Double> extras) {

    public StepMetrics {
        Objects.requireNonNull(evalLoss, "evalLoss");
        extras = Map.copyOf(extras);
        if (step < 1 || step > totalSteps) {
            throw new IllegalArgumentException("step must be in [1, totalSteps=" + totalSteps + "], was " + step);
        }
    }
}
