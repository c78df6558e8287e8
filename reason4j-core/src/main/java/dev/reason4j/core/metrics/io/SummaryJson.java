package dev.reason4j.core.metrics.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.core.metrics.IssueSummary;
import dev.reason4j.core.metrics.LengthIntervalAccuracy;
import dev.reason4j.core.metrics.TokenDistribution;
import dev.reason4j.core.metrics.WastedCompute;

/**
 * {@link AnalysisSummary} as the JSON of {@code summary.json}: snake_case keys, undefined means (NaN) as
 * {@code null}. The headline keys are {@code responses}, {@code accuracy}, {@code mean_tokens},
 * {@code mean_solutions}, {@code outcome_efficiency} (ξ_O) and {@code process_efficiency} (ξ_P).
 */
public final class SummaryJson {

    private final ObjectMapper mapper;

    public SummaryJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The summary's fields; callers add run-level fields (input, token counter, config) around them. */
    public ObjectNode write(AnalysisSummary s) {
        ObjectNode o = mapper.createObjectNode().put("responses", s.responses()).put("problems", s.problems());
        number(o, "accuracy", s.accuracy());
        number(o, "mean_tokens", s.meanTokens());
        number(o, "mean_solutions", s.meanSolutions());
        number(o, "outcome_efficiency", s.outcomeEfficiency());
        number(o, "process_efficiency", s.processEfficiency());
        number(o, "mean_summary_tokens", s.meanSummaryTokens());
        number(o, "any_correct_share", s.anyCorrectShare());
        number(o, "repeated_answer_share", s.repeatedAnswerShare());
        o.put("later_rounds", s.laterRounds()).put("repeated_answer_rounds", s.repeatedAnswerRounds());
        number(o, "mean_rounds_after_first_correct", s.meanRoundsAfterFirstCorrect());
        number(o, "tokens_after_first_correct_share", s.tokensAfterFirstCorrectShare());
        o.put("presplit_responses", s.presplitResponses());

        ObjectNode distributions = o.putObject("distributions");
        ObjectNode solutions = distributions.putObject("solutions");
        s.solutionCounts().forEach((k, v) -> solutions.put(Integer.toString(k), v));
        ObjectNode firstCorrect = distributions.putObject("first_correct_round");
        s.firstCorrectRounds().forEach((k, v) -> firstCorrect.put(Integer.toString(k), v));
        firstCorrect.put("none", s.noCorrectRound());
        distributions.set("tokens", tokens(s.tokens()));

        o.set("length_intervals", lengthIntervals(s.lengthIntervals()));
        o.set("issues", issues(s));
        ArrayNode wasted = o.putArray("most_wasted");
        for (WastedCompute w : s.mostWasted()) {
            wasted.addObject()
                    .put("line", w.line())
                    .put("sample", w.sample())
                    .put("problem_key", w.problemKey())
                    .put("tokens", w.tokens())
                    .put("tokens_after_first_correct", w.tokensAfterFirstCorrect())
                    .put("solutions", w.solutions())
                    .put("first_correct", w.firstCorrect());
        }
        return o;
    }

    /** An AES result: {@code aes}, {@code length_reduction} (ΔL), {@code accuracy_gain} (ΔA) and the weights. */
    public ObjectNode write(AccuracyEfficiencyScore weights, AccuracyEfficiencyScore.Result aes) {
        ObjectNode o = mapper.createObjectNode();
        number(o, "aes", aes.score());
        number(o, "length_reduction", aes.lengthReduction());
        number(o, "accuracy_gain", aes.accuracyGain());
        o.put("alpha", weights.alpha()).put("beta", weights.beta()).put("gamma", weights.gamma());
        return o;
    }

    private ObjectNode tokens(TokenDistribution t) {
        ObjectNode o = mapper.createObjectNode().put("count", t.count());
        number(o, "mean", t.mean());
        o.put("min", t.min()).put("p10", t.p10()).put("p25", t.p25()).put("median", t.median()).put("p75", t.p75())
                .put("p90", t.p90()).put("max", t.max());
        ArrayNode cdf = o.putArray("cdf");
        for (TokenDistribution.CdfPoint p : t.cdf()) {
            cdf.addArray().add(p.tokens()).add(p.share());
        }
        return o;
    }

    private ObjectNode lengthIntervals(LengthIntervalAccuracy.Result r) {
        ObjectNode o = mapper.createObjectNode()
                .put("problems_used", r.problemsUsed())
                .put("problems_skipped", r.problemsSkipped());
        ArrayNode intervals = o.putArray("by_interval");
        for (LengthIntervalAccuracy.Interval i : r.intervals()) {
            ObjectNode row = intervals.addObject().put("interval", i.index() + 1).put("samples", i.samples());
            number(row, "mean_tokens", i.meanTokens());
            number(row, "instance_accuracy", i.instanceAccuracy());
            number(row, "distribution_accuracy", i.distributionAccuracy());
        }
        return o;
    }

    private ObjectNode issues(AnalysisSummary s) {
        ObjectNode o = mapper.createObjectNode().put("total", s.issueCount());
        s.issues().forEach((kind, summary) -> o.set(kind.key(), issue(summary)));
        return o;
    }

    private ObjectNode issue(IssueSummary i) {
        ObjectNode o = mapper.createObjectNode().put("count", i.count());
        ArrayNode lines = o.putArray("first_lines");
        i.firstLines().forEach(lines::add);
        o.put("first_message", i.firstMessage());
        return o;
    }

    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }
}
