package dev.reason4j.app.recipes.common;

import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.recipes.stages.ProblemSet;
import dev.reason4j.recipes.stages.RecipeContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Every option {@code reason4j shorten} and {@code reason4j prune} share, and what they make of them. */
public final class RecipeOptions {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory (created, or resumed).")
    Path out;

    @Mixin
    ModelOptions model;

    @Mixin
    ProblemOptions problems;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    PromptOptions prompts;

    @Mixin
    GradingOptions grading;

    @Mixin
    TrainOptions training;

    public Path out() {
        return out;
    }

    public ModelOptions model() {
        return model;
    }

    public SamplingOptions sampling() {
        return sampling;
    }

    public PromptOptions prompts() {
        return prompts;
    }

    public TrainOptions training() {
        return training;
    }

    /** The training and held-out problems, announced on {@code w}. */
    public ProblemSet.Split problems(PrintWriter w) {
        ProblemSet.Split split = problems.load(sampling.seed());
        w.printf(Locale.ROOT, "%,d training problems, %,d held out; run directory %s%n", split.train().problems().size(),
                split.heldOut().problems().size(), out);
        w.flush();
        return split;
    }

    /**
     * What the recipe is given besides its settings; {@code tokenizer} is the starting model's. Close it: with
     * {@code --execute-code} it holds a Python sandbox.
     */
    public RecipeContext context(Tokenizer tokenizer) {
        return new RecipeContext(model.backend(tokenizer), tokenizer,
                grading.grading(tokenizer, model.model(), problems.gsm8kStyle()), prompts.rendering(tokenizer),
                sampling.sampler(), AccuracyEfficiencyScore.defaults());
    }

    /** How models run and problems are read, for the recipe's manifest. */
    public Map<String, Object> runConfig() {
        Map<String, Object> m = new LinkedHashMap<>(model.toConfig());
        m.putAll(problems.toConfig());
        return m;
    }
}
