package dev.reason4j.lm.train;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A pre-sampled response with its advantage, for O1-Pruner's length-harmonizing loss (Luo et al., arXiv:2501.12570):
 * {@code advantage} is the sample's weight L̄_ref/L − 1 + λ(A − Ā_ref) after any clipping and normalisation.
 * {@code referenceMeanLogprob} is mean_t log π_ref over the response tokens when it was computed at sampling time;
 * when empty the trainer computes it with a frozen copy of the starting model.
 */
public record AdvantageExample(String source, int[] prompt, int[] response, double advantage,
        OptionalDouble referenceMeanLogprob) implements TrainingExample {

    public AdvantageExample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(referenceMeanLogprob, "referenceMeanLogprob");
        prompt = prompt.clone();
        response = TrainingExample.requireTokens(response, "response", source);
        if (!Double.isFinite(advantage)) {
            throw new IllegalArgumentException(source + ": advantage must be finite, got " + advantage);
        }
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] response() {
        return response.clone();
    }

    @Override
    public long tokenCount() {
        return (long) prompt.length + response.length;
    }
}
