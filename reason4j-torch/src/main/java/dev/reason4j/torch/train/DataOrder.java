package dev.reason4j.torch.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order examples are trained in: an endless stream of epochs, each a fresh seeded permutation of the training
 * examples, so position {@code p} of the stream is always the same example for the same seed and data. Training
 * consumes the stream in micro-batches; a checkpoint stores the position reached and a resumed run continues from
 * it with exactly the examples the uninterrupted run would have seen.
 */
final class DataOrder {

    private static final long EPOCH_MIX = 0x9E3779B97F4A7C15L;
    private static final long SPLIT_MIX = 0xD1B54A32D192ED03L;

    private final int[] examples;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] cachedPermutation;

    /** @param examples indices of the training examples (into the run's example list) */
    DataOrder(int[] examples, long seed) {
        if (examples.length == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        this.examples = examples.clone();
        this.seed = seed;
    }

    /** The training and eval examples of a run: a seeded shuffle of {@code 0..count-1}, the last part held out. */
    record Split(int[] train, int[] eval) {}

    /**
     * Splits {@code count} examples, holding out {@code round(evalFraction · count)} for evaluation (at least one
     * when the fraction is positive, never all).
     */
    static Split split(int count, double evalFraction, long seed) {
        int[] all = permutation(count, new SplittableRandom(seed ^ SPLIT_MIX));
        int eval = evalFraction <= 0 ? 0 : (int) Math.max(1, Math.round(evalFraction * count));
        if (eval >= count) {
            throw new IllegalArgumentException("evalFraction " + evalFraction + " leaves no training examples out of "
                    + count);
        }
        int[] train = new int[count - eval];
        int[] held = new int[eval];
        System.arraycopy(all, 0, train, 0, train.length);
        System.arraycopy(all, train.length, held, 0, eval);
        return new Split(train, held);
    }

    /** The {@code count} examples at stream positions {@code [position, position + count)}. */
    List<Integer> take(long position, int count) {
        List<Integer> out = new ArrayList<>(count);
        for (long p = position; p < position + count; p++) {
            out.add(at(p));
        }
        return out;
    }

    /** The example at stream position {@code position}. */
    int at(long position) {
        long epoch = position / examples.length;
        if (epoch != cachedEpoch) {
            int[] order = permutation(examples.length, new SplittableRandom(seed ^ (epoch + 1) * EPOCH_MIX));
            cachedPermutation = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                cachedPermutation[i] = examples[order[i]];
            }
            cachedEpoch = epoch;
        }
        return cachedPermutation[(int) (position % examples.length)];
    }

    /** Training examples per epoch. */
    int size() {
        return examples.length;
    }

    /** A Fisher–Yates shuffle of {@code 0..n-1}. */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
