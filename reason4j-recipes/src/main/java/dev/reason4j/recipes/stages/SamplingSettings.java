package dev.reason4j.recipes.stages;

import dev.reason4j.lm.SamplingParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a sampling stage draws a problem's responses. Responses are decoded without special tokens: they are
 * training targets and analysis input, not markup.
 *
 * @param samples K, responses per problem
 * @param temperature 0 for greedy decoding
 * @param topP nucleus mass in (0, 1]
 * @param maxTokens most tokens per response
 * @param seed each problem samples with {@link ProblemSeed#of}{@code (seed, id)}, so a resumed run draws the same
 */
public record SamplingSettings(int samples, double temperature, double topP, int maxTokens, long seed) {

    public SamplingSettings {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, was " + samples);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        }
    }

    /** The parameters problem {@code problemId} is sampled with. */
    public SamplingParams params(String problemId) {
        return SamplingParams.builder()
                .n(samples)
                .temperature(temperature)
                .topP(topP)
                .maxTokens(maxTokens)
                .seed(ProblemSeed.of(seed, problemId))
                .skipSpecialTokens(true)
                .build();
    }

    /** The settings as recorded in a run's manifest (the seed is recorded as a seed). */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("temperature", temperature);
        m.put("top_p", topP);
        m.put("max_tokens", maxTokens);
        return m;
    }
}
