package dev.reason4j.search;

import java.util.Objects;

/**
 * What one step of a trajectory holds.
 *
 * @param text what the model wrote, including the step-end marker
 * @param observation what the system appended after it (code output), or empty
 * @param generatedTokens tokens the model generated for the step (duplicates removed by search still cost theirs)
 * @param prior the step's geometric-mean token probability under the policy, or NaN when not known
 * @param code the step's code run, or null for steps without code
 * @param answer the final answer the step gave, or null
 */
public record StepContent(String text, String observation, int generatedTokens, double prior, CodeRun code, String answer) {

    public StepContent {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(observation, "observation");
        if (generatedTokens < 0) {
            throw new IllegalArgumentException("generatedTokens must be >= 0, was " + generatedTokens);
        }
        if (!Double.isNaN(prior) && !(prior >= 0 && prior <= 1)) {
            throw new IllegalArgumentException("prior must be NaN or in [0, 1], was " + prior);
        }
    }

    /** The empty step at the root of a tree. */
    static StepContent root() {
        return new StepContent("", "", 0, Double.NaN, null, null);
    }

    /** The step as it continues the trajectory: its text and the observation after it. */
    public String fullText() {
        return text + observation;
    }
}
