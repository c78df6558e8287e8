package dev.reason4j.torch;

import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.SamplingParams;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/** One sequence being generated: its tokens so far and the rules that end it. */
final class SequenceState {

    final int promptIndex;
    final int sampleIndex;
    final int promptLength;
    final SplittableRandom random;
    private final int limit;
    private final StopMatcher stops;
    private final boolean wantLogprobs;
    private final int topK;
    private int[] tokens;
    private float[] logprobs;
    private int[][] topIds;
    private float[][] topLogprobs;
    private int count;
    private FinishReason finish;
    private String stopString;
    private int stopToken = -1;

    SequenceState(int promptIndex, int sampleIndex, int promptLength, int limit, SamplingParams params, StopMatcher stops) {
        this.promptIndex = promptIndex;
        this.sampleIndex = sampleIndex;
        this.promptLength = promptLength;
        this.limit = limit;
        this.stops = stops;
        this.wantLogprobs = params.logprobs();
        this.topK = params.topLogprobs();
        // One stream per (seed, prompt, sample): batch composition never changes a sequence's draws.
        this.random = new SplittableRandom(streamSeed(params.seed(), promptIndex, sampleIndex));
        int initial = Math.min(limit, 64);
        tokens = new int[initial];
        logprobs = wantLogprobs ? new float[initial] : null;
        topIds = topK > 0 ? new int[initial][] : null;
        topLogprobs = topK > 0 ? new float[initial][] : null;
    }

    /** Appends a chosen token and decides whether the sequence ends with it. */
    void append(int token, float logprob, int[] top, float[] topValues, Set<Integer> eos, Set<Integer> stopTokens) {
        if (count == tokens.length) {
            int size = Math.min(limit, count * 2);
            tokens = Arrays.copyOf(tokens, size);
            logprobs = logprobs == null ? null : Arrays.copyOf(logprobs, size);
            topIds = topIds == null ? null : Arrays.copyOf(topIds, size);
            topLogprobs = topLogprobs == null ? null : Arrays.copyOf(topLogprobs, size);
        }
        tokens[count] = token;
        if (logprobs != null) {
            logprobs[count] = logprob;
        }
        if (topIds != null) {
            topIds[count] = top;
            topLogprobs[count] = topValues;
        }
        count++;
        String matched = stops.accept(token);
        if (eos.contains(token) || stopTokens.contains(token)) {
            finish = FinishReason.STOP;
            stopToken = token;
        } else if (matched != null) {
            finish = FinishReason.STOP;
            stopString = matched;
        } else if (count >= limit) {
            finish = FinishReason.LENGTH;
        }
    }

    boolean finished() {
        return finish != null;
    }

    int count() {
        return count;
    }

    /** Tokens it may still generate. */
    int remaining() {
        return limit - count;
    }

    int lastToken() {
        return tokens[count - 1];
    }

    GeneratedSequence result() {
        return new GeneratedSequence(promptIndex, sampleIndex, Arrays.copyOf(tokens, count),
                logprobs == null ? null : Arrays.copyOf(logprobs, count),
                topIds == null ? null : Arrays.copyOf(topIds, count),
                topLogprobs == null ? null : Arrays.copyOf(topLogprobs, count),
                finish, stopString, stopToken);
    }

    /**
     * The seed of one sequence's random stream. Each part goes through SplitMix64's finaliser: a plain linear mix
     * such as {@code seed * 0x9E3779B97F4A7C15} would make the stream of seed s + 1 the stream of seed s shifted by
     * one draw, since that constant is {@link SplittableRandom}'s own increment.
     */
    static long streamSeed(long seed, int promptIndex, int sampleIndex) {
        return mix64(mix64(mix64(seed) + promptIndex) + sampleIndex);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
