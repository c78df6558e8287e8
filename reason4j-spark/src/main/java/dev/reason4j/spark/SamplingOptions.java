package dev.reason4j.spark;

import dev.reason4j.search.SearchSettings;
import java.io.Serializable;

/**
 * Sampling and trajectory limits every strategy shares ({@code reason4j eval}'s {@code --temperature},
 * {@code --top-p}, {@code --max-step-tokens}, {@code --max-depth}, {@code --budget}, {@code --lockstep}).
 *
 * @param budget most generated tokens per problem; 0 for no limit
 * @param lockstep one generation call per round for a whole batch; trees then depend on the batch
 */
public record SamplingOptions(double temperature, double topP, int maxStepTokens, int maxDepth, long budget,
        boolean lockstep) implements Serializable {

    public SamplingOptions {
        // SearchSettings names the field and value of any bad one; fields are not assigned yet, so pass parameters
        settings(temperature, topP, maxStepTokens, maxDepth, budget, lockstep);
    }

    SearchSettings settings() {
        return settings(temperature, topP, maxStepTokens, maxDepth, budget, lockstep);
    }

    private static SearchSettings settings(double temperature, double topP, int maxStepTokens, int maxDepth,
            long budget, boolean lockstep) {
        return SearchSettings.builder()
                .temperature(temperature)
                .topP(topP)
                .maxStepTokens(maxStepTokens)
                .maxDepth(maxDepth)
                .tokenBudget(budget)
                .lockstep(lockstep)
                .build();
    }
}
