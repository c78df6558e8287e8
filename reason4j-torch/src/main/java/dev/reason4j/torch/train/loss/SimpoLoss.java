package dev.reason4j.torch.train.loss;

import dev.reason4j.torch.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Simple preference optimisation (Meng et al., "SimPO: Simple Preference Optimization with a Reference-Free
 * Reward", NeurIPS 2024, eq. 6): length-normalised log-probabilities and a target margin, no reference model:
 *
 * <pre>
 *   ŝ(y) = s_θ(y) / |y|
 *   L = mean_i −log σ(β·(ŝ(y_w) − ŝ(y_l)) − γ)
 * </pre>
 *
 * β defaults to 2.0 and γ to 0.5β.
 */
public final class SimpoLoss {

    private final double beta;
    private final double gamma;

    public SimpoLoss(double beta, double gamma) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("beta must be > 0, was " + beta);
        }
        this.beta = beta;
        this.gamma = gamma;
    }

    /** {@code β·(ŝ(y_w) − ŝ(y_l)) − γ}, {@code (batch)}. */
    public Tensor margins(Tensor chosenSums, Tensor chosenCounts, Tensor rejectedSums, Tensor rejectedCounts) {
        return chosenSums.div(chosenCounts).sub(rejectedSums.div(rejectedCounts)).mul(Tensors.scalar(beta))
                .sub(Tensors.scalar(gamma));
    }

    /** Summed log-probabilities and token counts of each response, all {@code (batch)}; returns the scalar loss. */
    public Tensor compute(Tensor chosenSums, Tensor chosenCounts, Tensor rejectedSums, Tensor rejectedCounts) {
        return torch.log_sigmoid(margins(chosenSums, chosenCounts, rejectedSums, rejectedCounts)).mean().neg();
    }
}
