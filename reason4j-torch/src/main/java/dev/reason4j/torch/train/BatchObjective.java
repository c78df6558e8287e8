package dev.reason4j.torch.train;

import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * Turns a micro-batch of training examples (by index into the run's example list) into a loss. One implementation
 * per family of objectives; the formulas live in the loss classes of {@code dev.reason4j.torch.train.loss}.
 */
interface BatchObjective {

    /**
     * The micro-batch's loss, recorded for autograd when gradients are on.
     *
     * @param reference the starting model's statistics of every example, or null when {@link #needsReference} is false
     */
    BatchLoss loss(TrainableModel model, List<Integer> indices, ReferenceLogprobs reference);

    /** Whether the loss compares against the frozen starting model. */
    default boolean needsReference() {
        return false;
    }

    /**
     * The statistics the loss needs from the frozen starting model, one row per index (e.g. the chosen and rejected
     * summed log-probabilities); called without gradients before the first step.
     */
    default double[][] referenceStatistics(TrainableModel model, List<Integer> indices) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " needs no reference model");
    }

    /**
     * A micro-batch's loss.
     *
     * @param loss the scalar loss
     * @param tokens tokens fed to the model
     * @param metrics extra numbers for {@code StepMetrics.extras} (averaged over a step's micro-batches)
     */
    record BatchLoss(Tensor loss, long tokens, Map<String, Double> metrics) {}
}
