package dev.reason4j.core.metrics.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.grading.ExtractionOptions;
import dev.reason4j.core.grading.GraderOptions;
import dev.reason4j.core.grading.MathGrader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBasedSolutionSplitterTest {

    private static final MathGrader GRADER = MathGrader.withDefaults();
    private final RuleBasedSolutionSplitter splitter =
            new RuleBasedSolutionSplitter(SplitRules.defaults(), GRADER.extractor());

    private List<String> split(String response) {
        List<String> rounds = splitter.split("What is 2+3?", response);
        assertThat(String.join("", rounds)).as("rounds tile the response").isEqualTo(response);
        return rounds;
    }

    private static String paragraphs(String... steps) {
        return String.join("\n\n", steps);
    }

    @Test
    void a_direct_answer_is_one_round() {
        assertThat(split("2 + 3 = 5, so the answer is 5.")).hasSize(1);
    }

    @Test
    void a_verification_that_reaches_the_same_answer_again_is_a_new_round() {
        String response = paragraphs(
                "2 plus 3 is 5. So the answer is 5.",
                "Wait, let me double-check. 2 apples and 3 more make 5. So the answer is 5.");

        assertThat(split(response)).containsExactly(
                "2 plus 3 is 5. So the answer is 5.\n\n",
                "Wait, let me double-check. 2 apples and 3 more make 5. So the answer is 5.");
    }

    @Test
    void second_thoughts_before_the_first_answer_belong_to_the_first_round() {
        String response = paragraphs(
                "Let me add 2 and 3.",
                "Wait, is it multiplication? No, it says plus.",
                "Alternatively I could count on: 3, 4, 5.",
                "So the answer is 5.");

        assertThat(split(response)).hasSize(1);
    }

    @Test
    void a_round_starts_at_the_first_marked_step_and_earlier_held_steps_stay_behind() {
        String response = paragraphs(
                "So the answer is 5.",
                "That seems reasonable.",
                "Hmm, but let me think about it differently.",
                "Counting on from 2: 3, 4, 5.",
                "Let me also recount to be safe.",
                "Thus the answer is 5.");

        List<String> rounds = split(response);

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0)).endsWith("That seems reasonable.\n\n");
        assertThat(rounds.get(1)).startsWith("Hmm, but let me think").endsWith("Thus the answer is 5.");
    }

    @Test
    void an_answer_restated_without_a_marker_continues_the_same_round() {
        String response = paragraphs("2 + 3 = 5. So the answer is 5.", "Thus the answer is 5.");

        assertThat(split(response)).hasSize(1);
    }

    @Test
    void a_trailing_final_answer_restatement_merges_into_the_last_round() {
        String response = paragraphs(
                "So the answer is 5.",
                "Wait, let me verify: 5 - 3 = 2. Yes, the answer is 5.",
                "**Final Answer**",
                "\\[ \\boxed{5} \\]");

        List<String> rounds = split(response);

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1)).startsWith("Wait").endsWith("\\boxed{5} \\]");
    }

    @Test
    void a_verification_that_only_reaches_the_restatement_is_not_a_round() {
        String response = paragraphs(
                "So the answer is 5.",
                "Wait, let me double-check: 2 + 3 is indeed 5.",
                "**Final Answer**",
                "$\\boxed{5}$");

        assertThat(split(response)).hasSize(1);
    }

    @Test
    void a_check_that_never_reaches_an_answer_again_joins_the_last_round() {
        String response = paragraphs("So the answer is 5.", "Wait, let me double-check. Yes, that holds.");

        assertThat(split(response)).hasSize(1);
    }

    @Test
    void a_response_without_any_answer_is_one_round() {
        assertThat(split(paragraphs("Let me think.", "Wait, maybe not.", "Alternatively, hmm."))).hasSize(1);
    }

    @Test
    void a_bare_final_answer_heading_does_not_end_the_first_round() {
        // the extractor reads "**Final Answer**" alone as the answer "**"; that is no answer
        String response = paragraphs("Adding gives five.", "**Final Answer**", "Wait, so the answer is 5.",
                "Wait, let me check again: the answer is 5.");

        List<String> rounds = split(response);

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0)).contains("**Final Answer**").contains("Wait, so the answer is 5.");
    }

    @Test
    void the_summary_after_think_joins_the_last_round() {
        String response = "<think>\nSo the answer is 5.\n\nAlternatively, 3 + 2 = 5, so the answer is 5.\n</think>\n\n"
                + "Wait, the sum is \\boxed{5}.";

        List<String> rounds = split(response);

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1)).startsWith("Alternatively").endsWith("Wait, the sum is \\boxed{5}.");
    }

    @Test
    void a_summary_gives_the_answer_of_a_reasoning_that_reached_none() {
        String response = "<think>\nTwo and three make five.\n\nWait, yes.\n</think>\n\nThe answer is \\boxed{5}.";

        assertThat(split(response)).hasSize(1);
    }

    @Test
    void markers_are_matched_after_markdown_and_case_insensitively_at_a_word_boundary() {
        String marked = paragraphs("So the answer is 5.", "**WAIT**, the answer is 6.");
        String unmarked = paragraphs("So the answer is 5.", "Waiting is not needed; the answer is 6.");

        assertThat(split(marked)).hasSize(2);
        assertThat(split(unmarked)).hasSize(1);
    }

    @Test
    void marker_lists_are_configurable() {
        SplitRules german = SplitRules.builder().newSolutionMarkers(List.of("moment mal")).build();
        RuleBasedSolutionSplitter custom = new RuleBasedSolutionSplitter(german, GRADER.extractor());
        String response = paragraphs("So the answer is 5.", "Moment mal: the answer is 5.", "Wait, the answer is 5.");

        assertThat(custom.split("", response)).hasSize(2).element(1).asString().startsWith("Moment mal");
        assertThat(split(response)).hasSize(2).element(1).asString().startsWith("Wait");
    }

    @Test
    void line_boundaries_split_steps_written_one_per_line() {
        String response = "So the answer is 5.\nWait, recheck: the answer is 5.";
        RuleBasedSolutionSplitter lines = new RuleBasedSolutionSplitter(
                SplitRules.builder().stepBoundary(StepBoundary.LINE).build(), GRADER.extractor());

        assertThat(lines.split("", response)).hasSize(2);
        assertThat(split(response)).hasSize(1);
    }

    @Test
    void the_last_number_fallback_does_not_end_rounds_even_for_gsm8k_style_grading() {
        MathGrader gsm8k = new MathGrader(GraderOptions.builder().extraction(ExtractionOptions.gsm8kStyle()).build());
        RuleBasedSolutionSplitter s = new RuleBasedSolutionSplitter(SplitRules.defaults(), gsm8k.extractor());
        String response = paragraphs("She has 12 apples.", "Wait, she gives 4 away, leaving 8.", "#### 8");

        assertThat(s.split("", response)).hasSize(1);
    }

    @Test
    void steps_are_paragraphs_and_tile_the_text() {
        String text = "a\n\n\nb\n \nc\nd\n\n";

        List<int[]> steps = splitter.steps(text);

        assertThat(steps).extracting(s -> text.substring(s[0], s[1]))
                .containsExactly("a\n\n\n", "b\n \n", "c\nd\n\n");
    }
}
