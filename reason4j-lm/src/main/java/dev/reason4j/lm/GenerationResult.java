package dev.reason4j.lm;

import java.util.List;
import java.util.Objects;

/**
 * The completions of one prompt.
 *
 * @param promptTokenIds the prompt as the model saw it (empty when a remote model does not report it)
 * @param completions {@code n} samples, in index order
 * @param usage tokens the prompt and its completions cost
 */
public record GenerationResult(List<Integer> promptTokenIds, List<Completion> completions, Usage usage) {

    public GenerationResult {
        promptTokenIds = List.copyOf(promptTokenIds);
        completions = List.copyOf(completions);
        Objects.requireNonNull(usage, "usage");
        for (int i = 0; i < completions.size(); i++) {
            if (completions.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "completions[" + i + "] has index " + completions.get(i).index());
            }
        }
    }

    /** The first (for {@code n = 1} the only) completion. */
    public Completion first() {
        return completions.get(0);
    }
}
