package dev.reason4j.torch.train.loss;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * An outcome reward model's binary cross-entropy (Cobbe et al., "Training Verifiers to Solve Math Word Problems",
 * 2021; rStar-Math's ORM ablation): the value head's raw output at a complete response's last token is the logit of
 * the response being correct:
 *
 * <pre>
 *   L = mean_i −[ y_i · log σ(r_i) + (1 − y_i) · log(1 − σ(r_i)) ]
 * </pre>
 */
public final class OutcomeRewardLoss {

    /** Raw head outputs and 0/1 labels, both {@code (batch)}; returns the scalar loss. */
    public Tensor compute(Tensor logits, Tensor labels) {
        return torch.binary_cross_entropy_with_logits(logits, labels);
    }
}
