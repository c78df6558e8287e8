package dev.reason4j.lm.train;

import java.util.Objects;

/**
 * A partial trajectory with a scalar target for value-head regression: the Q value of the step's node (the PQM
 * ablation of rStar-Math, arXiv:2501.04519, Table 8). The value is read at the last token of prefix + step.
 */
public record StepValueExample(String source, int[] prefix, int[] step, double target) implements TrainingExample {

    public StepValueExample {
        Objects.requireNonNull(source, "source");
        prefix = TrainingExample.requireTokens(prefix, "prefix", source);
        step = TrainingExample.requireTokens(step, "step", source);
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException(source + ": target must be finite, got " + target);
        }
    }

    @Override
    public int[] prefix() {
        return prefix.clone();
    }

    @Override
    public int[] step() {
        return step.clone();
    }

    @Override
    public long tokenCount() {
        return (long) prefix.length + step.length;
    }
}
