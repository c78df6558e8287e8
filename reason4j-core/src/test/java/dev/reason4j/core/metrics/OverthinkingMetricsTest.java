package dev.reason4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.split.SplitRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ξ_O and ξ_P on hand-built responses whose splits and token counts (words) are worked out by hand. */
class OverthinkingMetricsTest {

    private final ResponseAnalyzer analyzer =
            ResponseAnalyzer.withRules(MathGrader.withDefaults(), SplitRules.defaults(), new WordCounter());

    /** 4 rounds of 5, 11, 13 and 9 words: wrong, correct (new answer), recheck (same), number line (new method). */
    static final String OVERTHOUGHT = String.join("\n\n",
            "So the answer is 6.",
            "Wait, 2 + 3 is 5, so the answer is 5.",
            "Let me double-check: 5 - 3 = 2, so the answer is 5.",
            "Alternatively, on a number line the answer is 5.");
    static final String DIRECT = "2 + 3 = 5, so the answer is 5.";
    static final String WRONG_ONLY = "So the answer is 6.\n\nWait, maybe the answer is 7.";

    private ResponseAnalysis analyze(String response) {
        return analyzer.analyze(ResponseInput.of("What is 2+3?", "5", response));
    }

    @Test
    void splits_grades_and_counts_the_overthought_response_as_worked_out_by_hand() {
        ResponseAnalysis a = analyze(OVERTHOUGHT);

        assertThat(a.solutions()).extracting(AnalyzedSolution::tokens).containsExactly(5, 11, 13, 9);
        assertThat(a.solutions()).extracting(AnalyzedSolution::answer).containsExactly("6", "5", "5", "5");
        assertThat(a.solutions()).extracting(AnalyzedSolution::correct).containsExactly(false, true, true, true);
        assertThat(a.solutions()).extracting(AnalyzedSolution::distinct).containsExactly(true, true, false, true);
        assertThat(a.solutions()).extracting(AnalyzedSolution::cluster).containsExactly(0, 1, 1, 2);
        assertThat(a.tokens()).isEqualTo(38);
        assertThat(a.firstCorrect()).hasValue(2);
        assertThat(a.tokensToFirstCorrect()).isEqualTo(16);
        assertThat(a.tokensAfterFirstCorrect()).isEqualTo(22);
        assertThat(a.roundsAfterFirstCorrect()).isEqualTo(2);
        assertThat(a.distinctTokens()).isEqualTo(25);
        assertThat(a.repeatedAnswerRounds()).isEqualTo(2);
        assertThat(a.outcomeEfficiency()).isCloseTo(16.0 / 38, within(1e-12));
        assertThat(a.processEfficiency()).isCloseTo(25.0 / 38, within(1e-12));
        assertThat(a.correct()).isTrue();
        assertThat(a.finalAnswer()).isEqualTo("5");
    }

    @Test
    void one_correct_round_is_perfectly_efficient() {
        ResponseAnalysis a = analyze(DIRECT);

        assertThat(a.solutionCount()).isEqualTo(1);
        assertThat(a.outcomeEfficiency()).isEqualTo(1.0);
        assertThat(a.processEfficiency()).isEqualTo(1.0);
    }

    @Test
    void a_wrong_only_response_has_sigma_zero_and_outcome_term_zero() {
        ResponseAnalysis a = analyze(WRONG_ONLY);

        assertThat(a.anyCorrect()).isFalse();
        assertThat(a.tokensToFirstCorrect()).isZero();
        assertThat(a.outcomeEfficiency()).isZero();
        assertThat(a.processEfficiency()).as("6 and 7 are two distinct attempts").isEqualTo(1.0);
    }

    @Test
    void xi_are_plain_means_over_responses_not_weighted_by_solutions() {
        List<ResponseAnalysis> all = List.of(analyze(OVERTHOUGHT), analyze(DIRECT), analyze(WRONG_ONLY));

        double xiO = (16.0 / 38 + 1 + 0) / 3;
        double xiP = (25.0 / 38 + 1 + 1) / 3;
        assertThat(OutcomeEfficiency.of(all)).isCloseTo(xiO, within(1e-12));
        assertThat(ProcessEfficiency.of(all)).isCloseTo(xiP, within(1e-12));
        double weightedBySolutions = (16.0 / 38 * 4 + 1 * 1 + 0 * 2) / 7;
        assertThat(OutcomeEfficiency.of(all)).isNotCloseTo(weightedBySolutions, within(1e-3));
    }

    @Test
    void the_means_need_at_least_one_response() {
        assertThatThrownBy(() -> OutcomeEfficiency.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessEfficiency.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_splits_with_verdicts_and_clusters_are_scored_as_given_without_a_gold_answer() {
        ResponseInput input = new ResponseInput("What is 2+3?", null, null, List.of(
                new GivenSolution("two plus three is six", false, 0),         // 5 words
                new GivenSolution("no, two plus three is five", true, 1),     // 6 words
                new GivenSolution("checking: five minus three is two", true, 1))); // 6 words

        ResponseAnalysis a = analyzer.analyze(input);

        assertThat(a.splitSource()).isEqualTo(SplitSource.INPUT);
        assertThat(a.tokens()).isEqualTo(17);
        assertThat(a.outcomeEfficiency()).isCloseTo(11.0 / 17, within(1e-12));
        assertThat(a.processEfficiency()).isCloseTo(11.0 / 17, within(1e-12));
        assertThat(a.correct()).as("the last solution's verdict, without a gold answer").isTrue();
    }

    @Test
    void given_splits_without_verdicts_are_graded_and_clustered() {
        ResponseInput input = new ResponseInput("What is 2+3?", "5", null, List.of(
                new GivenSolution("the answer is 6", null, null),
                new GivenSolution("the answer is 5", null, null)));

        ResponseAnalysis a = analyzer.analyze(input);

        assertThat(a.solutions()).extracting(AnalyzedSolution::correct).containsExactly(false, true);
        assertThat(a.solutions()).extracting(AnalyzedSolution::distinct).containsExactly(true, true);
        assertThat(a.finalAnswer()).isEqualTo("5");
    }

    @Test
    void splits_that_do_not_cover_the_response_count_the_whole_response() {
        String response = "preamble words here. " + DIRECT;
        ResponseInput input = new ResponseInput("q", "5", response, List.of(new GivenSolution(DIRECT, null, null)));

        ResponseAnalysis a = analyzer.analyze(input);

        assertThat(a.tokens()).as("3 preamble words + 10").isEqualTo(13);
        assertThat(a.outcomeEfficiency()).isCloseTo(10.0 / 13, within(1e-12));
    }

    @Test
    void summary_tokens_are_those_after_the_think_tag() {
        ResponseAnalysis a = analyze("<think> the answer is 5 </think> final: \\boxed{5}");

        assertThat(a.tokens()).isEqualTo(8);
        assertThat(a.summaryTokens()).isEqualTo(2);
    }

    @Test
    void inputs_are_validated() {
        assertThatThrownBy(() -> ResponseInput.of("q", "5", "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to analyse");
        assertThatThrownBy(() -> new ResponseInput("q", null, "the answer is 5", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no gold answer");
        assertThatThrownBy(() -> new GivenSolution("x", true, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster");
    }
}
