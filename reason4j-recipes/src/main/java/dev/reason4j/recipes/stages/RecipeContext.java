package dev.reason4j.recipes.stages;

import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.recipes.PromptRendering;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a model-running recipe is given besides its settings: how to open models, the starting model's tokenizer
 * (which reads the training data; trained models keep it), how responses are analysed, the prompt questions are
 * rendered to, how prompts become responses, and the AES weights of the final table.
 */
public record RecipeContext(ModelBackend backend, Tokenizer tokenizer, ResponseGrading grading, PromptRendering prompts,
        ResponseSampler sampler, AccuracyEfficiencyScore aes) implements AutoCloseable {

    public RecipeContext {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(aes, "aes");
    }

    /** Closes the sampler (a code-executing one holds a Python sandbox). */
    @Override
    public void close() {
        sampler.close();
    }

    /** What decides the recipe's numbers, for its manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt", prompts.description());
        m.put("sampler", sampler.description());
        m.put("analysis", grading.toConfig());
        m.put("aes_alpha", aes.alpha());
        m.put("aes_beta", aes.beta());
        m.put("aes_gamma", aes.gamma());
        return m;
    }
}
