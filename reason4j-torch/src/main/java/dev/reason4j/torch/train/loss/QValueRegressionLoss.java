package dev.reason4j.torch.train.loss;

import org.bytedeco.pytorch.Tensor;

/**
 * Process Q-value regression, rStar-Math's PQM ablation (Guan et al., arXiv:2501.04519, §4 and Table 8): the value
 * head is fitted to each step's Q value from tree search by mean squared error:
 *
 * <pre>
 *   L = mean_i (r(x, s_i) − q_i)²
 * </pre>
 */
public final class QValueRegressionLoss {

    /** Value-head outputs and their Q targets, both {@code (batch)}; returns the scalar loss. */
    public Tensor compute(Tensor values, Tensor targets) {
        return values.sub(targets).square().mean();
    }
}
