package dev.reason4j.torch.train.loss;

import org.bytedeco.pytorch.Tensor;

/**
 * Supervised fine-tuning: token cross-entropy on the response only, the prompt masked out:
 *
 * <pre>
 *   L = − Σ_i w_i · Σ_{t ∈ response_i} log π_θ(y_t | x_i, y_&lt;t) / Σ_i |response_i|
 * </pre>
 *
 * a mean over the batch's response tokens, with LLaMA-Factory's per-sample weight {@code w_i} (1 for plain SFT).
 */
public final class SftLoss {

    /**
     * @param sums Σ_t log π_θ over each sequence's response tokens, {@code (batch)}
     * @param counts response tokens per sequence, {@code (batch)}
     * @param weights per-sample weights, {@code (batch)}
     * @return the scalar loss
     */
    public Tensor compute(Tensor sums, Tensor counts, Tensor weights) {
        return sums.mul(weights).sum().neg().div(counts.sum());
    }
}
