package dev.reason4j.torch.train.loss;

import dev.reason4j.torch.Tensors;
import org.bytedeco.pytorch.Tensor;

/**
 * Reasoning preference optimisation (Pang et al., "Iterative Reasoning Preference Optimization", NeurIPS 2024,
 * eq. 1): DPO plus a negative log-likelihood term on the chosen response, normalised per token:
 *
 * <pre>
 *   L = L_DPO + α · mean_i ( −s_θ(y_w,i) / |y_w,i| )
 * </pre>
 *
 * α defaults to 1.
 */
public final class RpoLoss {

    private final DpoLoss dpo;
    private final double alpha;

    public RpoLoss(double beta, double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("alpha must be >= 0, was " + alpha);
        }
        this.dpo = new DpoLoss(beta);
        this.alpha = alpha;
    }

    /**
     * @param chosenCounts tokens of each chosen response, {@code (batch)}; the other arguments as in
     *     {@link DpoLoss#compute}
     */
    public Tensor compute(Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected,
            Tensor chosenCounts) {
        Tensor nll = policyChosen.div(chosenCounts).mean().neg();
        return dpo.compute(policyChosen, policyRejected, referenceChosen, referenceRejected)
                .add(nll.mul(Tensors.scalar(alpha)));
    }
}
