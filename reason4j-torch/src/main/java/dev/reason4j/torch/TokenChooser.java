package dev.reason4j.torch;

import dev.reason4j.lm.SamplingParams;
import java.util.List;
import java.util.Set;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Picks the next token of every sequence in a batch from its logits row (argmax, or {@link TokenSampler}) and
 * records its log-probability and the most likely alternatives under the raw distribution, all in one pass over
 * the batch.
 */
final class TokenChooser {

    private final SamplingParams params;
    private final Set<Integer> eos;
    private final Set<Integer> stopTokens;

    TokenChooser(SamplingParams params, Set<Integer> eos) {
        this.params = params;
        this.eos = params.ignoreEos() ? Set.of() : Set.copyOf(eos);
        this.stopTokens = Set.copyOf(params.stopTokenIds());
    }

    /**
     * @param logits {@code (rows, vocab)} float32, row {@code i} for {@code rows.get(i)}
     */
    void choose(Tensor logits, List<SequenceState> rows) {
        int n = rows.size();
        long[] chosen;
        if (params.isGreedy()) {
            chosen = Tensors.longs(torch.argmax(logits, new LongOptional(1), false));
        } else {
            chosen = new long[n];
            for (int i = 0; i < n; i++) {
                chosen[i] = TokenSampler.sample(logits.select(0, i), params, rows.get(i).random);
            }
        }
        float[] logprobs = null;
        long[] topIds = null;
        float[] topValues = null;
        int k = params.topLogprobs();
        if (params.logprobs()) {
            Tensor logSoftmax = torch.log_softmax(logits, 1);
            Tensor index = Tensors.longs(chosen, new long[] {n, 1}, logits.device());
            logprobs = Tensors.floats(torch.gather(logSoftmax, 1, index));
            if (k > 0) {
                T_TensorTensor_T top = torch.topk(logSoftmax, k, 1, true, true);
                topValues = Tensors.floats(top.get0());
                topIds = Tensors.longs(top.get1());
            }
        }
        for (int i = 0; i < n; i++) {
            int[] ids = null;
            float[] values = null;
            if (topIds != null) {
                ids = new int[k];
                values = new float[k];
                for (int j = 0; j < k; j++) {
                    ids[j] = (int) topIds[i * k + j];
                    values[j] = topValues[i * k + j];
                }
            }
            rows.get(i).append((int) chosen[i], logprobs == null ? 0 : logprobs[i], ids, values, eos, stopTokens);
        }
    }
}
