package dev.reason4j.core.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.core.metrics.AnalysisAggregator;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.ApproximateTokenCounter;
import dev.reason4j.core.metrics.InputIssue;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.LengthIntervalAccuracy;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.ResponseInput;
import dev.reason4j.core.metrics.split.SplitRules;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SummaryJson json = new SummaryJson(JSON);
    private final ResponseAnalyzer analyzer = ResponseAnalyzer.withRules(
            MathGrader.withDefaults(), SplitRules.defaults(), new ApproximateTokenCounter());

    private JsonNode reparse(Object node) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(node));
    }

    @Test
    void writes_the_headline_keys_distributions_and_issues() throws Exception {
        AnalysisAggregator aggregator = new AnalysisAggregator(new LengthIntervalAccuracy(4), 3);
        // "The answer is 5." is 5 approximate tokens; the two-round response is 6 + 7 = 13
        aggregator.add(new AnalyzedResponse(1, 0, "p", "q", "5", "The answer is 5.",
                analyzer.analyze(ResponseInput.of("q", "5", "The answer is 5."))));
        String twoRounds = "The answer is 5.\n\nWait, the answer is 5.";
        aggregator.add(new AnalyzedResponse(2, 0, "p", "q", "5", twoRounds,
                analyzer.analyze(ResponseInput.of("q", "5", twoRounds))));
        aggregator.add(new InputIssue(IssueKind.MALFORMED_JSON, 3, -1, "f line 3: invalid JSON"));

        JsonNode s = reparse(json.write(aggregator.summary()));

        assertThat(s.path("responses").asLong()).isEqualTo(2);
        assertThat(s.path("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(s.path("mean_tokens").asDouble()).isEqualTo(9.0);
        assertThat(s.path("mean_solutions").asDouble()).isEqualTo(1.5);
        assertThat(s.path("outcome_efficiency").asDouble()).isEqualTo((1 + 6.0 / 13) / 2);
        assertThat(s.path("process_efficiency").asDouble()).isEqualTo((1 + 6.0 / 13) / 2);
        assertThat(s.path("repeated_answer_share").asDouble()).isEqualTo(1.0);
        assertThat(s.path("distributions").path("solutions").path("2").asLong()).isEqualTo(1);
        assertThat(s.path("distributions").path("first_correct_round").path("1").asLong()).isEqualTo(2);
        assertThat(s.path("distributions").path("first_correct_round").path("none").asLong()).isZero();
        assertThat(s.path("distributions").path("tokens").path("max").asLong()).isEqualTo(13);
        assertThat(s.path("issues").path("total").asLong()).isEqualTo(1);
        assertThat(s.path("issues").path("malformed_json").path("first_lines").get(0).asLong()).isEqualTo(3);
        assertThat(s.path("most_wasted")).singleElement()
                .satisfies(w -> assertThat(w.path("tokens_after_first_correct").asLong()).isEqualTo(7));
        assertThat(s.path("length_intervals").path("problems_skipped").asInt()).isEqualTo(1);
    }

    @Test
    void undefined_means_are_null_and_aes_carries_its_parts() throws Exception {
        JsonNode empty = reparse(json.write(new AnalysisAggregator(new LengthIntervalAccuracy(4), 0).summary()));
        assertThat(empty.path("responses").asLong()).isZero();
        assertThat(empty.get("accuracy").isNull()).isTrue();
        assertThat(empty.get("outcome_efficiency").isNull()).isTrue();

        AccuracyEfficiencyScore weights = AccuracyEfficiencyScore.defaults();
        JsonNode aes = reparse(json.write(weights, weights.score(1000, 0.8, 600, 0.84)));
        assertThat(aes.path("aes").asDouble()).isCloseTo(0.55, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(aes.path("length_reduction").asDouble()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(aes.path("gamma").asDouble()).isEqualTo(5.0);
    }
}
