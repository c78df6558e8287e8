package dev.reason4j.app.analyze;

import dev.reason4j.app.report.Charts;
import dev.reason4j.app.report.HtmlReport;
import dev.reason4j.app.report.ReportTable;
import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.IssueSummary;
import dev.reason4j.core.metrics.LengthIntervalAccuracy;
import dev.reason4j.core.metrics.TokenCounter;
import dev.reason4j.core.metrics.TokenDistribution;
import dev.reason4j.core.metrics.WastedCompute;
import dev.reason4j.core.provenance.InputFile;
import dev.reason4j.core.provenance.RunManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTML report of an analysis: the headline numbers with what they mean, AES against a baseline, charts of the
 * number of rounds, the first correct round, accuracy by length interval and the length CDF, the input issues and
 * the most overthought responses.
 */
public final class AnalysisReport {

    private AnalysisReport() {}

    static HtmlReport build(AnalysisSummary s, TokenCounter tokens, Optional<AesComparison> comparison,
            RunManifest manifest) {
        HtmlReport report = new HtmlReport("Overthinking analysis");
        InputFile input = manifest.inputs().getFirst();
        report.paragraph(String.format(Locale.ROOT, "%,d responses to %,d problems from %s, analysed with reason4j %s "
                        + "(run created %s). Token counts: %s.", s.responses(), s.problems(), input.describe(),
                manifest.build(), manifest.createdAt(), tokens.name()));
        if (tokens.approximate()) {
            report.note("Token counts are APPROXIMATE (no --tokenizer given): use them to compare responses with "
                    + "each other, not with counts from the model's own tokenizer.");
        }
        if (s.issueCount() > 0) {
            report.note(String.format(Locale.ROOT, "Not analysed and not in the numbers below: %,d input records or "
                    + "responses (see Input issues).", s.issueCount()));
        }
        summaryTable(report, s);
        comparison.ifPresent(c -> aesTable(report, c, s));
        charts(report, s, comparison);
        issues(report, s);
        mostWasted(report, s);
        return report;
    }

    private static void summaryTable(HtmlReport report, AnalysisSummary s) {
        report.heading("Summary").table(ReportTable.builder("metric", "value", "what it means")
                .row("responses", count(s.responses()), "analysed responses (issues not included)")
                .row("accuracy", share(s.accuracy()), "responses whose final answer is right")
                .row("mean tokens", number(s.meanTokens()), "T, tokens per response")
                .row("mean solution rounds", hundredths(s.meanSolutions()),
                        "attempts that reach an answer: the first solution, verifications, alternative approaches")
                .row("outcome efficiency ξ_O", share(s.outcomeEfficiency()),
                        "share of a response's tokens up to and including its first correct round (0 when no "
                                + "round is correct), averaged over responses; 1 = stops at the first right answer")
                .row("process efficiency ξ_P", share(s.processEfficiency()),
                        "share of a response's tokens in rounds that bring a new answer or approach, averaged over "
                                + "responses; 1 = no round repeats earlier work")
                .row("responses with a correct round", share(s.anyCorrectShare()), "σ = 1")
                .row("later rounds repeating an earlier answer", share(s.repeatedAnswerShare()),
                        String.format(Locale.ROOT, "%,d of %,d rounds after the first", s.repeatedAnswerRounds(),
                                s.laterRounds()))
                .row("mean rounds after the first correct one", hundredths(s.meanRoundsAfterFirstCorrect()),
                        "over responses with a correct round")
                .row("tokens after the first correct round", share(s.tokensAfterFirstCorrectShare()),
                        "of all tokens of responses with a correct round: compute that did not change the outcome")
                .row("scored from given split_solutions", count(s.presplitResponses()),
                        "responses whose rounds came with the input")
                .build());
    }

    private static void aesTable(HtmlReport report, AesComparison c, AnalysisSummary s) {
        Baseline b = c.baseline();
        report.heading("Against the baseline (AES)");
        report.paragraph(String.format(Locale.ROOT, "Baseline: %s. ΔL = (L_b − L)/L_b, ΔA = (A − A_b)/A_b; "
                        + "AES = α·ΔL + β·ΔA when ΔA ≥ 0, else α·ΔL − γ·|ΔA|, with α = %s, β = %s, γ = %s "
                        + "(O1-Pruner, arXiv:2501.12570). Higher is better.", b.source(), plain(c.weights().alpha()),
                plain(c.weights().beta()), plain(c.weights().gamma())));
        if (c.result().isEmpty()) {
            report.note("No response of this run could be analysed, so there is no AES.");
            return;
        }
        var r = c.result().get();
        report.table(ReportTable.builder("", "baseline", "this run", "relative change")
                .row("responses", count(b.responses()), count(s.responses()), "")
                .row("mean tokens", number(b.meanTokens()), number(s.meanTokens()), signed(r.lengthReduction()) + " (ΔL)")
                .row("accuracy", share(b.accuracy()), share(s.accuracy()), signed(r.accuracyGain()) + " (ΔA)")
                .row("AES", "", "", signed(r.score()))
                .build());
    }

    /** The charts of an analysis without a baseline, for reports that show one among other things (the demo's). */
    public static void charts(HtmlReport report, AnalysisSummary s) {
        charts(report, s, Optional.empty());
    }

    private static void charts(HtmlReport report, AnalysisSummary s, Optional<AesComparison> comparison) {
        report.heading("Charts");
        Map<String, Long> rounds = new LinkedHashMap<>();
        s.solutionCounts().forEach((k, v) -> rounds.put(Integer.toString(k), v));
        report.chart(Charts.bars("Solution rounds per response", "rounds", "responses", rounds),
                "How many attempts each response makes. One round is a response that stops at its first answer.");

        Map<String, Long> first = new LinkedHashMap<>();
        s.firstCorrectRounds().forEach((k, v) -> first.put(Integer.toString(k), v));
        first.put("none", s.noCorrectRound());
        report.chart(Charts.bars("Round of the first correct solution", "round", "responses", first),
                "Where the right answer first appears; everything after it is spent on checking. 'none': no round "
                        + "is correct.");

        LengthIntervalAccuracy.Result intervals = s.lengthIntervals();
        if (intervals.intervals().isEmpty()) {
            report.paragraph(String.format(Locale.ROOT, "Accuracy by length interval needs problems with several "
                    + "samples; none of the %,d problems has enough.", intervals.problemsSkipped()));
        } else {
            Map<String, Double> instance = new LinkedHashMap<>();
            Map<String, Double> distribution = new LinkedHashMap<>();
            for (LengthIntervalAccuracy.Interval i : intervals.intervals()) {
                String label = String.format(Locale.ROOT, "%d (≈%,.0f tokens)", i.index() + 1, i.meanTokens());
                instance.put(label, i.instanceAccuracy());
                distribution.put(label, i.distributionAccuracy());
            }
            Map<String, Map<String, Double>> series = new LinkedHashMap<>();
            series.put("instance level", instance);
            series.put("distribution level", distribution);
            report.chart(Charts.groupedBars("Accuracy by length interval", "interval (1 = each problem's shortest "
                            + "samples)", "accuracy", series, true),
                    String.format(Locale.ROOT, "Each problem's samples sorted by length and cut into %d intervals "
                            + "(O1-Pruner). Instance level pools samples; distribution level averages per problem. "
                            + "%,d problems used, %,d with too few samples left out.", intervals.intervals().size(),
                            intervals.problemsUsed(), intervals.problemsSkipped()));
        }

        Map<String, List<Charts.Point>> cdf = new LinkedHashMap<>();
        cdf.put("this run", points(s.tokens()));
        comparison.filter(c -> !c.baseline().cdf().isEmpty()).ifPresent(c -> cdf.put("baseline", c.baseline().cdf()));
        report.chart(Charts.steps("Response length (CDF)", "tokens", "share of responses", cdf, true),
                String.format(Locale.ROOT, "Share of responses with at most x tokens. Median %,d, 90th percentile "
                        + "%,d, longest %,d.", s.tokens().median(), s.tokens().p90(), s.tokens().max()));
    }

    private static List<Charts.Point> points(TokenDistribution tokens) {
        return tokens.cdf().stream().map(p -> new Charts.Point(p.tokens(), p.share())).toList();
    }

    private static void issues(HtmlReport report, AnalysisSummary s) {
        report.heading("Input issues");
        if (s.issues().isEmpty()) {
            report.paragraph("Every record and response was analysed.");
            return;
        }
        ReportTable.Builder table = ReportTable.builder("issue", "count", "first lines", "first message");
        for (Map.Entry<IssueKind, IssueSummary> e : s.issues().entrySet()) {
            IssueSummary i = e.getValue();
            table.row(e.getKey().key(), count(i.count()),
                    i.firstLines().stream().map(String::valueOf).collect(Collectors.joining(", ")), i.firstMessage());
        }
        report.table(table.build());
    }

    private static void mostWasted(HtmlReport report, AnalysisSummary s) {
        if (s.mostWasted().isEmpty()) {
            return;
        }
        report.heading("Most tokens after the first correct round");
        ReportTable.Builder table = ReportTable.builder("line", "sample", "tokens", "tokens after first correct",
                "rounds", "first correct round");
        for (WastedCompute w : s.mostWasted()) {
            table.row(Long.toString(w.line()), Integer.toString(w.sample()), count(w.tokens()),
                    count(w.tokensAfterFirstCorrect()), Integer.toString(w.solutions()),
                    Integer.toString(w.firstCorrect()));
        }
        report.table(table.build());
        report.paragraph("Find them in responses.jsonl by line and sample, with their split into rounds.");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String number(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%,.1f", x) : "–";
    }

    private static String hundredths(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f", x) : "–";
    }

    private static String share(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "–";
    }

    private static String signed(double x) {
        return String.format(Locale.ROOT, "%+.3f", x);
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
