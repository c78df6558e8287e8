package dev.reason4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.split.SplitRules;
import org.junit.jupiter.api.Test;

class AnalysisAggregatorTest {

    private final ResponseAnalyzer analyzer =
            ResponseAnalyzer.withRules(MathGrader.withDefaults(), SplitRules.defaults(), new WordCounter());

    private AnalyzedResponse response(long line, int sample, String problemKey, String text) {
        return new AnalyzedResponse(line, sample, problemKey, "What is 2+3?", "5", text,
                analyzer.analyze(ResponseInput.of("What is 2+3?", "5", text)));
    }

    @Test
    void summarises_headline_metrics_distributions_and_examples() {
        AnalysisAggregator aggregator = new AnalysisAggregator(new LengthIntervalAccuracy(4), 2);
        aggregator.add(response(1, 0, "p1", OverthinkingMetricsTest.OVERTHOUGHT)); // 38 tokens, 4 rounds
        aggregator.add(response(2, 0, "p1", OverthinkingMetricsTest.DIRECT));      // 10 tokens, 1 round
        aggregator.add(response(3, 0, "p2", OverthinkingMetricsTest.WRONG_ONLY));  // 11 tokens, 2 rounds

        AnalysisSummary s = aggregator.summary();

        assertThat(s.responses()).isEqualTo(3);
        assertThat(s.problems()).isEqualTo(2);
        assertThat(s.accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.meanTokens()).isCloseTo((38 + 10 + 11) / 3.0, within(1e-12));
        assertThat(s.meanSolutions()).isCloseTo(7 / 3.0, within(1e-12));
        assertThat(s.outcomeEfficiency()).isCloseTo((16.0 / 38 + 1 + 0) / 3, within(1e-12));
        assertThat(s.processEfficiency()).isCloseTo((25.0 / 38 + 1 + 1) / 3, within(1e-12));
        assertThat(s.anyCorrectShare()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.solutionCounts()).containsExactly(entry(1, 1L), entry(2, 1L), entry(4, 1L));
        assertThat(s.firstCorrectRounds()).containsExactly(entry(1, 1L), entry(2, 1L));
        assertThat(s.noCorrectRound()).isEqualTo(1);
        // later rounds: 3 + 0 + 1 = 4, of which the two rechecks of 5 repeat an answer
        assertThat(s.repeatedAnswerShare()).isCloseTo(0.5, within(1e-12));
        assertThat(s.meanRoundsAfterFirstCorrect()).isCloseTo(1.0, within(1e-12));
        assertThat(s.tokensAfterFirstCorrectShare()).isCloseTo(22.0 / 48, within(1e-12));
        assertThat(s.tokens().median()).isEqualTo(11);
        assertThat(s.tokens().max()).isEqualTo(38);
        assertThat(s.tokens().cdf()).last().extracting(TokenDistribution.CdfPoint::share).isEqualTo(1.0);
        assertThat(s.mostWasted()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.tokensAfterFirstCorrect()).isEqualTo(22);
        });
        assertThat(s.lengthIntervals().problemsSkipped()).isEqualTo(2);
    }

    @Test
    void counts_issues_keeping_the_first_lines_and_message() {
        AnalysisAggregator aggregator = new AnalysisAggregator(new LengthIntervalAccuracy(4), 0);
        for (long line : new long[] {30, 9, 12, 4, 17, 2, 25}) {
            aggregator.add(new InputIssue(IssueKind.MALFORMED_JSON, line, -1, "f.jsonl line " + line + ": bad"));
        }
        aggregator.add(new InputIssue(IssueKind.EMPTY_RESPONSE, 8, 1, "f.jsonl line 8 sample 1: empty"));

        AnalysisSummary s = aggregator.summary();

        assertThat(s.responses()).isZero();
        assertThat(s.accuracy()).isNaN();
        assertThat(s.issueCount()).isEqualTo(8);
        assertThat(s.issues().get(IssueKind.MALFORMED_JSON).count()).isEqualTo(7);
        assertThat(s.issues().get(IssueKind.MALFORMED_JSON).firstLines()).containsExactly(2L, 4L, 9L, 12L, 17L);
        assertThat(s.issues().get(IssueKind.MALFORMED_JSON).firstMessage()).isEqualTo("f.jsonl line 2: bad");
        assertThat(s.issues().get(IssueKind.EMPTY_RESPONSE).firstLines()).containsExactly(8L);
    }
}
