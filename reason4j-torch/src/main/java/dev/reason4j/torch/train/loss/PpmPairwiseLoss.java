package dev.reason4j.torch.train.loss;

import dev.reason4j.torch.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The pairwise ranking loss of rStar-Math's process preference model (Guan et al., "rStar-Math: Small LLMs Can
 * Master Math Reasoning with Self-Evolved Deep Thinking", arXiv:2501.04519, eq. 3). For one search-tree node with
 * candidate steps leading to correct answers ({@code pos}) and to wrong ones ({@code neg}):
 *
 * <pre>
 *   L_node = Σ_{p ∈ pos, n ∈ neg} −log σ(r(x, y_p) − r(x, y_n)) · 1 / (n_pos · n_neg)
 * </pre>
 *
 * where {@code r} is the value head's raw output at the last token of prompt + steps + candidate step. A batch of
 * nodes averages {@code L_node}.
 */
public final class PpmPairwiseLoss {

    /**
     * @param positive rewards of the node's correct-leading steps, {@code (n_pos)}
     * @param negative rewards of its wrong-leading steps, {@code (n_neg)}
     * @return the node's scalar loss
     */
    public Tensor compute(Tensor positive, Tensor negative) {
        Tensor differences = positive.unsqueeze(1).sub(negative.unsqueeze(0)); // (n_pos, n_neg)
        return torch.log_sigmoid(differences).mean().neg();
    }

    /** The fraction of the node's pairs ranked correctly ({@code r_p > r_n}), as a scalar tensor. */
    public Tensor accuracy(Tensor positive, Tensor negative) {
        return positive.unsqueeze(1).sub(negative.unsqueeze(0)).gt(Tensors.scalar(0)).to(positive.scalar_type()).mean();
    }
}
