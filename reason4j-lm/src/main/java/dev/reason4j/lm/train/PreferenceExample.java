package dev.reason4j.lm.train;

import java.util.Objects;

/** A prompt with a preferred ({@code chosen}) and a dispreferred ({@code rejected}) response: DPO, RPO, SimPO. */
public record PreferenceExample(String source, int[] prompt, int[] chosen, int[] rejected) implements TrainingExample {

    public PreferenceExample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prompt, "prompt");
        prompt = prompt.clone();
        chosen = TrainingExample.requireTokens(chosen, "chosen", source);
        rejected = TrainingExample.requireTokens(rejected, "rejected", source);
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] chosen() {
        return chosen.clone();
    }

    @Override
    public int[] rejected() {
        return rejected.clone();
    }

    @Override
    public long tokenCount() {
        return 2L * prompt.length + chosen.length + rejected.length;
    }
}
