package dev.reason4j.torch.train;

import dev.reason4j.torch.Tensors;
import java.util.List;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;

/**
 * Token sequences packed into one right-padded batch for a full-sequence forward pass, with the indices that pick
 * out the positions a loss reads. Row {@code i} scores its tokens {@code [scoreFrom_i, length_i)}: each is predicted
 * from the hidden state one position earlier. Tensors belong to the caller's {@code PointerScope}.
 *
 * @param tokens {@code (batch, time)} ids, padded with 0
 * @param positions {@code (batch, time)} 0, 1, 2, … per row
 * @param predictors {@code (n)} flat indices {@code row·time + t} of the positions that predict a scored token
 * @param targets {@code (n)} the scored tokens
 * @param targetRows {@code (n)} the row of each scored token
 * @param lastPositions {@code (batch)} flat index of each row's last real token (where a value head reads)
 * @param scoredCounts scored tokens per row
 * @param totalTokens real (unpadded) tokens in the batch
 */
record SequenceBatch(Tensor tokens, Tensor positions, Tensor predictors, Tensor targets, Tensor targetRows,
        Tensor lastPositions, long[] scoredCounts, long totalTokens) {

    /** A sequence and the index of its first scored token. */
    record Scored(int[] tokens, int scoreFrom) {

        /** {@code prompt} then {@code response}, scoring the response. */
        static Scored of(int[] prompt, int[] response) {
            int[] all = new int[prompt.length + response.length];
            System.arraycopy(prompt, 0, all, 0, prompt.length);
            System.arraycopy(response, 0, all, prompt.length, response.length);
            return new Scored(all, prompt.length);
        }
    }

    int rows() {
        return scoredCounts.length;
    }

    /**
     * Packs {@code sequences}. A token at index 0 has nothing to be predicted from, so scoring starts at index 1
     * at the earliest.
     *
     * @throws IllegalArgumentException when a sequence has no token left to score (the message names
     *     {@code sources[i]})
     */
    static SequenceBatch pack(List<Scored> sequences, List<String> sources, Device device) {
        int rows = sequences.size();
        int time = sequences.stream().mapToInt(s -> s.tokens().length).max().orElseThrow();
        long[] tokens = new long[rows * time];
        long[] positions = new long[rows * time];
        long[] last = new long[rows];
        long[] counts = new long[rows];
        int scored = 0;
        long real = 0;
        for (int r = 0; r < rows; r++) {
            Scored s = sequences.get(r);
            int from = Math.max(1, s.scoreFrom());
            counts[r] = s.tokens().length - from;
            if (counts[r] < 1 && s.scoreFrom() < s.tokens().length) {
                throw new IllegalArgumentException(sources.get(r) + ": nothing to train on: a one-token response "
                        + "needs a prompt to be predicted from");
            }
            scored += (int) Math.max(0, counts[r]);
            real += s.tokens().length;
            last[r] = (long) r * time + s.tokens().length - 1;
            for (int t = 0; t < time; t++) {
                tokens[r * time + t] = t < s.tokens().length ? s.tokens()[t] : 0;
                positions[r * time + t] = t;
            }
        }
        long[] predictors = new long[scored];
        long[] targets = new long[scored];
        long[] targetRows = new long[scored];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            Scored s = sequences.get(r);
            for (int t = Math.max(1, s.scoreFrom()); t < s.tokens().length; t++) {
                predictors[k] = (long) r * time + t - 1;
                targets[k] = s.tokens()[t];
                targetRows[k] = r;
                k++;
            }
        }
        long[] shape = {rows, time};
        return new SequenceBatch(Tensors.longs(tokens, shape, device), Tensors.longs(positions, shape, device),
                Tensors.longs(predictors, new long[] {scored}, device), Tensors.longs(targets, new long[] {scored}, device),
                Tensors.longs(targetRows, new long[] {scored}, device), Tensors.longs(last, new long[] {rows}, device),
                counts, real);
    }
}
