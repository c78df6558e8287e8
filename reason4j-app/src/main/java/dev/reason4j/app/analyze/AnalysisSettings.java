package dev.reason4j.app.analyze;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.core.metrics.AnalysisAggregator;
import dev.reason4j.core.metrics.LengthIntervalAccuracy;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.TokenCounter;
import dev.reason4j.core.metrics.io.ResponseFields;
import dev.reason4j.core.metrics.split.ApproachSignature;
import dev.reason4j.core.metrics.split.HeuristicSolutionClusterer;
import dev.reason4j.core.metrics.split.RuleBasedSolutionSplitter;
import dev.reason4j.core.metrics.split.SplitRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides an analysis's numbers, apart from the token counter: where the fields are, how responses
 * are split and clustered, the length analysis and the AES weights. Recorded in the run's manifest, so a run
 * resumes only with the same settings.
 *
 * @param fields where the problem, response, gold answer, split solutions and id are
 * @param rules the rule-based splitter's markers and boundaries
 * @param approachTerms the heuristic clusterer's vocabulary of solving techniques (regular expressions)
 * @param intervals length intervals per problem (O1-Pruner uses 4)
 * @param examples how many overthinking examples the summary keeps
 * @param aes the AES weights
 */
record AnalysisSettings(
        ResponseFields fields, SplitRules rules, List<String> approachTerms, int intervals, int examples,
        AccuracyEfficiencyScore aes) {

    AnalysisSettings {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(rules, "rules");
        approachTerms = List.copyOf(approachTerms);
        Objects.requireNonNull(aes, "aes");
        if (intervals < 1) {
            throw new IllegalArgumentException("intervals must be >= 1, got " + intervals);
        }
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be >= 0, got " + examples);
        }
    }

    /** The defaults of every part: default fields, markers, vocabulary, 4 intervals, 10 examples, α=1 β=3 γ=5. */
    static AnalysisSettings defaults() {
        return new AnalysisSettings(ResponseFields.defaults(), SplitRules.defaults(), ApproachSignature.DEFAULT_TERMS,
                4, 10, AccuracyEfficiencyScore.defaults());
    }

    /** An analyzer with these settings, grading with {@code grader} and counting with {@code tokens}. */
    ResponseAnalyzer analyzer(MathGrader grader, TokenCounter tokens) {
        return new ResponseAnalyzer(grader, new RuleBasedSolutionSplitter(rules, grader.extractor()),
                new HeuristicSolutionClusterer(new ApproachSignature(approachTerms)), tokens, rules.thinkEndTag());
    }

    /** A fresh aggregator for these settings. */
    AnalysisAggregator aggregator() {
        return new AnalysisAggregator(new LengthIntervalAccuracy(intervals), examples);
    }

    /** The settings as JSON-shaped values for the run manifest. */
    Map<String, Object> toConfig() {
        Map<String, Object> config = new LinkedHashMap<>(fields.toConfig());
        config.putAll(rules.toConfig());
        config.put("approach_terms", approachTerms);
        config.put("length_intervals", intervals);
        config.put("examples", examples);
        config.put("aes_alpha", aes.alpha());
        config.put("aes_beta", aes.beta());
        config.put("aes_gamma", aes.gamma());
        return config;
    }
}
