package dev.reason4j.app.recipes.common;

import dev.reason4j.core.grading.ExtractionOptions;
import dev.reason4j.core.grading.GraderOptions;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.split.SplitRules;
import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.recipes.stages.ResponseGrading;
import dev.reason4j.recipes.stages.TokenizerCounter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** How responses are graded: the analytics of {@code reason4j analyze} with the model's own token counts. */
public final class GradingOptions {

    enum Style {
        auto,
        math,
        gsm8k
    }

    @Option(names = "--style", defaultValue = "auto",
            description = "Answer extraction: math (explicit answers: \\boxed{}, 'the answer is'), gsm8k (else the "
                    + "last number), or auto (gsm8k for GSM8K files) (default: ${DEFAULT-VALUE}).")
    Style style;

    /**
     * The analysis: rule-based split into solution rounds, graded, counted with {@code tokenizer}.
     *
     * @param model the directory of {@code tokenizer}, whose {@code tokenizer.json} hash names the counts
     * @param gsm8kData whether the training problems are GSM8K's, for {@code auto}
     */
    public ResponseGrading grading(Tokenizer tokenizer, Path model, boolean gsm8kData) {
        boolean lastNumber = style == Style.gsm8k || style == Style.auto && gsm8kData;
        MathGrader grader = new MathGrader(GraderOptions.builder()
                .extraction(lastNumber ? ExtractionOptions.gsm8kStyle() : ExtractionOptions.mathStyle())
                .build());
        TokenizerCounter tokens = new TokenizerCounter(tokenizer,
                "tokenizer.json sha256:" + Hashing.sha256(model.resolve("tokenizer.json")).substring(0, 16));
        return new ResponseGrading(ResponseAnalyzer.withRules(grader, SplitRules.defaults(), tokens),
                Map.of("answer_style", lastNumber ? "gsm8k" : "math"));
    }
}
