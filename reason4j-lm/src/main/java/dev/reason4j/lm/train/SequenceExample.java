package dev.reason4j.lm.train;

import java.util.Objects;

/**
 * A prompt and one response. SFT trains on the response tokens only (the prompt is masked); {@code weight} scales
 * the example's loss (LLaMA-Factory's per-sample {@code weight}, 1 by default). For an outcome reward model the
 * weight is unused and {@code label} is the target: 1 for a correct response, 0 for a wrong one.
 */
public record SequenceExample(String source, int[] prompt, int[] response, double weight, double label)
        implements TrainingExample {

    public SequenceExample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prompt, "prompt");
        prompt = prompt.clone();
        response = TrainingExample.requireTokens(response, "response", source);
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException(source + ": weight must be a finite number >= 0, got " + weight);
        }
    }

    /** An SFT example with weight 1. */
    public static SequenceExample sft(String source, int[] prompt, int[] response) {
        return new SequenceExample(source, prompt, response, 1.0, Double.NaN);
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
