package dev.reason4j.lm.train;

import java.util.List;
import java.util.Objects;

/**
 * The candidate next steps of one search-tree node for the process preference model (rStar-Math, arXiv:2501.04519,
 * §3.3): {@code prefix} is the prompt plus the steps so far; {@code positives} lead to correct answers and
 * {@code negatives} to wrong ones. The pairwise loss is taken over every (positive, negative) pair and averaged
 * over the n_pos·n_neg pairs of the node.
 */
public record StepPairsExample(String source, int[] prefix, List<int[]> positives, List<int[]> negatives)
        implements TrainingExample {

    public StepPairsExample {
        Objects.requireNonNull(source, "source");
        prefix = TrainingExample.requireTokens(prefix, "prefix", source);
        positives = copySteps(positives, "positives", source);
        negatives = copySteps(negatives, "negatives", source);
    }

    private static List<int[]> copySteps(List<int[]> steps, String field, String source) {
        Objects.requireNonNull(steps, field);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + field + " is empty");
        }
        return steps.stream().map(s -> TrainingExample.requireTokens(s, field, source)).toList();
    }

    @Override
    public int[] prefix() {
        return prefix.clone();
    }

    @Override
    public long tokenCount() {
        long total = 0;
        for (int[] s : positives) {
            total += prefix.length + s.length;
        }
        for (int[] s : negatives) {
            total += prefix.length + s.length;
        }
        return total;
    }
}
