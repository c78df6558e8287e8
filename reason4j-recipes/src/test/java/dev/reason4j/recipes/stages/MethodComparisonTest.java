package dev.reason4j.recipes.stages;

import static dev.reason4j.recipes.HandSplit.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.core.metrics.AnalysisAggregator;
import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.LengthIntervalAccuracy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The final table: AES of each method against the first row, computed by hand here. */
class MethodComparisonTest {

    private final MethodComparison comparison = new MethodComparison(AccuracyEfficiencyScore.defaults(), new ObjectMapper());

    private static AnalysisSummary summary(AnalyzedResponse... responses) {
        AnalysisAggregator aggregator = new AnalysisAggregator(new LengthIntervalAccuracy(4), 0);
        for (AnalyzedResponse r : responses) {
            aggregator.add(r);
        }
        return aggregator.summary();
    }

    /** Two problems, 100 tokens each, one right: L = 100, A = 0.5. */
    private static AnalysisSummary baseline() {
        return summary(single("a", 0, 100, true), single("b", 0, 100, false));
    }

    @Test
    void should_score_a_shorter_and_more_accurate_method_with_alpha_dl_plus_beta_da() {
        // L = 60 (ΔL = 0.4), A = 1 (ΔA = +1): AES = 1·0.4 + 3·1 = 3.4
        JsonNode rows = comparison.rows(List.of(
                MethodComparison.Entry.evaluated("baseline", "reference", baseline()),
                MethodComparison.Entry.evaluated("short", "trained", summary(single("a", 0, 50, true), single("b", 0, 70, true)))));

        assertThat(rows.get(0).get("aes").isNull()).isTrue();
        assertThat(rows.get(0).get("accuracy").asDouble()).isEqualTo(0.5);
        JsonNode row = rows.get(1);
        assertThat(row.get("method").asText()).isEqualTo("short");
        assertThat(row.get("mean_tokens").asDouble()).isEqualTo(60.0);
        assertThat(row.get("length_reduction").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(row.get("accuracy_gain").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(row.get("aes").asDouble()).isCloseTo(3.4, within(1e-12));
    }

    @Test
    void should_charge_gamma_for_lost_accuracy_and_list_skipped_methods() {
        // L = 20 (ΔL = 0.8), A = 0 (ΔA = −1): AES = 0.8 − 5·1 = −4.2
        JsonNode rows = comparison.rows(List.of(
                MethodComparison.Entry.evaluated("baseline", "reference", baseline()),
                MethodComparison.Entry.skipped("sft", "SFT on the two shortest", "no data"),
                MethodComparison.Entry.evaluated("terse", "trained", summary(single("a", 0, 20, false), single("b", 0, 20, false)))));

        assertThat(rows.get(1).get("skipped").asText()).isEqualTo("no data");
        assertThat(rows.get(1).has("accuracy")).isFalse();
        assertThat(rows.get(2).get("aes").asDouble()).isCloseTo(-4.2, within(1e-12));
    }

    @Test
    void should_leave_aes_undefined_with_the_reason_when_the_baseline_never_answers_right() {
        AnalysisSummary wrong = summary(single("a", 0, 100, false));

        JsonNode rows = comparison.rows(List.of(MethodComparison.Entry.evaluated("before", "start", wrong),
                MethodComparison.Entry.evaluated("after", "trained", summary(single("a", 0, 10, true)))));

        assertThat(rows.get(1).get("aes").isNull()).isTrue();
        assertThat(rows.get(1).get("aes_undefined").asText()).contains("baseline accuracy must be in (0, 1]");
    }

    @Test
    void should_need_an_evaluated_baseline_first() {
        assertThatThrownBy(() -> comparison.rows(List.of(MethodComparison.Entry.skipped("baseline", "x", "none"))))
                .hasMessage("the first row must be an evaluated baseline");
        assertThatThrownBy(() -> new MethodComparison.Entry("m", "d", null, null))
                .hasMessage("a row has either an evaluation or a reason it was skipped");
    }
}
