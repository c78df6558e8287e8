package dev.reason4j.torch.train.loss;

import dev.reason4j.torch.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Direct preference optimisation (Rafailov et al., "Direct Preference Optimization: Your Language Model is Secretly
 * a Reward Model", NeurIPS 2023, eq. 7):
 *
 * <pre>
 *   L = mean_i −log σ(β · [(s_θ(y_w) − s_ref(y_w)) − (s_θ(y_l) − s_ref(y_l))])
 * </pre>
 *
 * with {@code s} the summed log-probability of a response given its prompt, {@code y_w} the chosen and {@code y_l}
 * the rejected response, and {@code ref} the frozen starting model; β defaults to 0.1.
 */
public final class DpoLoss {

    private final double beta;

    public DpoLoss(double beta) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("beta must be > 0, was " + beta);
        }
        this.beta = beta;
    }

    /**
     * The implicit reward margins {@code β·[(s_θ(y_w) − s_ref(y_w)) − (s_θ(y_l) − s_ref(y_l))]}, {@code (batch)}.
     */
    public Tensor margins(Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected) {
        return policyChosen.sub(referenceChosen).sub(policyRejected.sub(referenceRejected)).mul(Tensors.scalar(beta));
    }

    /** All arguments {@code (batch)} summed log-probabilities; returns the scalar loss. */
    public Tensor compute(Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected) {
        return torch.log_sigmoid(margins(policyChosen, policyRejected, referenceChosen, referenceRejected)).mean().neg();
    }
}
