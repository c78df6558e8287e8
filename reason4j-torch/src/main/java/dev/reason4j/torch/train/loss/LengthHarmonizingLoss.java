package dev.reason4j.torch.train.loss;

import dev.reason4j.torch.Tensors;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * O1-Pruner's length-harmonizing fine-tuning loss (Luo et al., "O1-Pruner: Length-Harmonizing Fine-Tuning for
 * O1-Like Reasoning Pruning", arXiv:2501.12570, eq. 5), PPO-style clipping around a sequence-level ratio:
 *
 * <pre>
 *   r_i = exp( mean_t log π_θ(y_t) − mean_t log π_ref(y_t) )        over the response tokens of sample i
 *   L   = mean_i max( −A_i · r_i,  −A_i · clip(r_i, 1 − ε, 1 + ε) )
 * </pre>
 *
 * with {@code A_i} the sample's given advantage (its length-harmonizing weight) and ε defaulting to 0.2.
 * {@code π_ref} is the frozen starting model, or log-probabilities computed when the samples were drawn.
 */
public final class LengthHarmonizingLoss {

    private final double epsilon;

    public LengthHarmonizingLoss(double epsilon) {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), was " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** The ratios {@code r_i}, {@code (batch)}. */
    public Tensor ratios(Tensor policyMeans, Tensor referenceMeans) {
        return policyMeans.sub(referenceMeans).exp();
    }

    /**
     * @param policyMeans mean_t log π_θ over each response, {@code (batch)}
     * @param referenceMeans mean_t log π_ref over each response, {@code (batch)}
     * @param advantages A_i, {@code (batch)}
     * @return the scalar loss
     */
    public Tensor compute(Tensor policyMeans, Tensor referenceMeans, Tensor advantages) {
        Tensor ratio = ratios(policyMeans, referenceMeans);
        Tensor clipped = ratio.clamp(new ScalarOptional(Tensors.scalar(1 - epsilon)),
                new ScalarOptional(Tensors.scalar(1 + epsilon)));
        Tensor negative = advantages.neg();
        return torch.maximum(negative.mul(ratio), negative.mul(clipped)).mean();
    }
}
