package dev.reason4j.lm;

import java.util.List;
import java.util.Objects;

/**
 * How to sample completions. Build with {@link #builder()}; {@link #greedy()} is temperature 0.
 *
 * <p>Sampling is reproducible: the same seed, prompts and parameters give the same completions. Each completion
 * draws from its own random stream split from {@code seed} by prompt position and sample index, so adding prompts to
 * a batch does not change the others' samples.
 *
 * @param n completions per prompt, {@code >= 1}
 * @param temperature 0 picks the most likely token (greedy); higher flattens the distribution
 * @param topP nucleus sampling: keep the smallest set of most likely tokens whose probability reaches {@code topP},
 *     in {@code (0, 1]}
 * @param topK keep only the {@code topK} most likely tokens; 0 keeps all
 * @param maxTokens most tokens to generate per completion, {@code >= 1}
 * @param stop strings that end a completion when they appear in its text, even across token boundaries
 * @param stopTokenIds token ids that end a completion (the model's end-of-sequence tokens always do, unless
 *     {@code ignoreEos})
 * @param seed random seed
 * @param logprobs report each generated token's log-probability
 * @param topLogprobs also report this many most likely alternatives per token (0 for none)
 * @param ignoreEos keep generating past end-of-sequence tokens (benchmarks, reference checks)
 * @param includeStopInOutput keep a matched stop string at the end of the completion text
 * @param skipSpecialTokens leave special tokens out of the decoded text; off by default because step markers such
 *     as {@code <end_of_step>} are special tokens in rStar-style vocabularies
 */
public record SamplingParams(
        int n,
        double temperature,
        double topP,
        int topK,
        int maxTokens,
        List<String> stop,
        List<Integer> stopTokenIds,
        long seed,
        boolean logprobs,
        int topLogprobs,
        boolean ignoreEos,
        boolean includeStopInOutput,
        boolean skipSpecialTokens) {

    /** Top alternatives per token are limited as in the OpenAI API. */
    public static final int MAX_TOP_LOGPROBS = 20;

    public SamplingParams {
        stop = List.copyOf(stop);
        stopTokenIds = List.copyOf(stopTokenIds);
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 = all tokens), was " + topK);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        }
        for (int i = 0; i < stop.size(); i++) {
            if (stop.get(i).isEmpty()) {
                throw new IllegalArgumentException("stop[" + i + "] must not be empty");
            }
        }
        for (int i = 0; i < stopTokenIds.size(); i++) {
            if (stopTokenIds.get(i) < 0) {
                throw new IllegalArgumentException("stopTokenIds[" + i + "] must be >= 0, was " + stopTokenIds.get(i));
            }
        }
        if (topLogprobs < 0 || topLogprobs > MAX_TOP_LOGPROBS) {
            throw new IllegalArgumentException(
                    "topLogprobs must be in [0, " + MAX_TOP_LOGPROBS + "], was " + topLogprobs);
        }
    }

    /** n 1, temperature 1, no top-p/top-k cut, 256 tokens, no stops, seed 0, no logprobs. */
    public static SamplingParams defaults() {
        return builder().build();
    }

    /** The most likely token at every step. */
    public static SamplingParams greedy() {
        return builder().temperature(0).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder()
                .n(n)
                .temperature(temperature)
                .topP(topP)
                .topK(topK)
                .maxTokens(maxTokens)
                .stop(stop)
                .stopTokenIds(stopTokenIds)
                .seed(seed)
                .logprobs(logprobs)
                .topLogprobs(topLogprobs)
                .ignoreEos(ignoreEos)
                .includeStopInOutput(includeStopInOutput)
                .skipSpecialTokens(skipSpecialTokens);
    }

    /** Whether tokens are picked by argmax rather than drawn. */
    public boolean isGreedy() {
        return temperature == 0;
    }

    /** Builds {@link SamplingParams}; unset fields keep the {@link #defaults()}. */
    public static final class Builder {
        private int n = 1;
        private double temperature = 1.0;
        private double topP = 1.0;
        private int topK = 0;
        private int maxTokens = 256;
        private List<String> stop = List.of();
        private List<Integer> stopTokenIds = List.of();
        private long seed = 0;
        private boolean logprobs = false;
        private int topLogprobs = 0;
        private boolean ignoreEos = false;
        private boolean includeStopInOutput = false;
        private boolean skipSpecialTokens = false;

        private Builder() {}

        public Builder n(int n) {
            this.n = n;
            return this;
        }

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        public Builder topK(int topK) {
            this.topK = topK;
            return this;
        }

        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder stop(List<String> stop) {
            this.stop = Objects.requireNonNull(stop, "stop");
            return this;
        }

        public Builder stop(String... stop) {
            return stop(List.of(stop));
        }

        public Builder stopTokenIds(List<Integer> stopTokenIds) {
            this.stopTokenIds = Objects.requireNonNull(stopTokenIds, "stopTokenIds");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Report the chosen tokens' log-probabilities. */
        public Builder logprobs(boolean logprobs) {
            this.logprobs = logprobs;
            return this;
        }

        /** Report this many alternatives per token; a positive value also turns {@link #logprobs} on. */
        public Builder topLogprobs(int topLogprobs) {
            this.topLogprobs = topLogprobs;
            if (topLogprobs > 0) {
                this.logprobs = true;
            }
            return this;
        }

        public Builder ignoreEos(boolean ignoreEos) {
            this.ignoreEos = ignoreEos;
            return this;
        }

        public Builder includeStopInOutput(boolean includeStopInOutput) {
            this.includeStopInOutput = includeStopInOutput;
            return this;
        }

        public Builder skipSpecialTokens(boolean skipSpecialTokens) {
            this.skipSpecialTokens = skipSpecialTokens;
            return this;
        }

        public SamplingParams build() {
            return new SamplingParams(n, temperature, topP, topK, maxTokens, stop, stopTokenIds, seed, logprobs,
                    topLogprobs, ignoreEos, includeStopInOutput, skipSpecialTokens);
        }
    }
}
