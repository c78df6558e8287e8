package dev.reason4j.torch;

import dev.reason4j.lm.SamplingParams;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Draws a token from one row of logits with temperature, top-k and nucleus (top-p) filtering (Holtzman et al., "The
 * Curious Case of Neural Text Degeneration", ICLR 2020): {@code p ∝ exp(logit / T)} over the {@code k} most likely
 * tokens, cut to the smallest most-likely set whose mass reaches {@code p}, renormalised. The draw uses the
 * sequence's own random stream, so results do not depend on which other sequences share the batch.
 */
final class TokenSampler {

    private TokenSampler() {}

    /**
     * @param logits one row, {@code (vocab)}, float32
     * @param params temperature {@code > 0}
     */
    static int sample(Tensor logits, SamplingParams params, SplittableRandom random) {
        long vocab = logits.size(0);
        Tensor scaled = logits.div(Tensors.scalar(params.temperature()));
        boolean cutK = params.topK() > 0 && params.topK() < vocab;
        Tensor candidates = scaled;
        long[] ids = null;
        if (cutK || params.topP() < 1) {
            T_TensorTensor_T sorted = cutK ? torch.topk(scaled, params.topK(), 0, true, true) : torch.sort(scaled, 0, true);
            candidates = sorted.get0();
            ids = Tensors.longs(sorted.get1());
        }
        float[] probabilities = Tensors.floats(torch.softmax(candidates, 0));
        int keep = probabilities.length;
        if (params.topP() < 1) { // candidates are sorted, most likely first
            double mass = 0;
            for (int i = 0; i < probabilities.length; i++) {
                if (mass >= params.topP()) {
                    keep = i;
                    break;
                }
                mass += probabilities[i];
            }
        }
        double total = 0;
        for (int i = 0; i < keep; i++) {
            total += probabilities[i];
        }
        double target = random.nextDouble() * total;
        int chosen = keep - 1;
        double cumulative = 0;
        for (int i = 0; i < keep; i++) {
            cumulative += probabilities[i];
            if (target < cumulative) {
                chosen = i;
                break;
            }
        }
        return ids == null ? chosen : (int) ids[chosen];
    }
}
