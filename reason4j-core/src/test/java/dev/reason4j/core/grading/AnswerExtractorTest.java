package dev.reason4j.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerExtractorTest {

    private final AnswerExtractor math = new AnswerExtractor(ExtractionOptions.mathStyle());
    private final AnswerExtractor gsm8k = new AnswerExtractor(ExtractionOptions.gsm8kStyle());

    private static String answer(Optional<AnswerExtractor.Extracted> e) {
        return e.map(AnswerExtractor.Extracted::answer).orElse(null);
    }

    @Test
    void takes_the_last_box_with_nested_braces() {
        String r = "First \\boxed{1}. Then we get $\\boxed{\\frac{\\sqrt{3}}{2}}$.";

        assertThat(answer(math.extract(r))).isEqualTo("\\frac{\\sqrt{3}}{2}");
        assertThat(math.extract(r).orElseThrow().source()).isEqualTo(AnswerExtractor.Source.BOXED);
    }

    @Test
    void reads_fbox_and_unbraced_box() {
        assertThat(answer(math.extract("so \\fbox{42} done"))).isEqualTo("42");
        assertThat(answer(math.extract("so $\\boxed 5$"))).isEqualTo("5");
    }

    @Test
    void joins_boxes_on_one_line_that_form_one_answer() {
        assertThat(answer(math.extract("The roots are \\boxed{2} and \\boxed{3}."))).isEqualTo("2, 3");
        assertThat(answer(math.extract("Try \\boxed{2}.\nAfter checking, \\boxed{3}."))).isEqualTo("3");
        assertThat(answer(math.extract("We know \\boxed{2} is wrong since 2 > 1, so \\boxed{3}"))).isEqualTo("3");
    }

    @Test
    void ignores_an_unclosed_box() {
        assertThat(answer(math.extract("\\boxed{7} and then \\boxed{8"))).isEqualTo("7");
    }

    @Test
    void prefers_answer_tags_and_a_box_inside_them() {
        String rstar = "<code>\nprint(3)\n<end_of_code>\n<output>3<end_of_output>\n<answer>The answer is \\boxed{3}<end_of_answer>";

        assertThat(answer(math.extract(rstar))).isEqualTo("3");
        assertThat(answer(math.extract("\\boxed{9} <answer> 12 </answer>"))).isEqualTo("12");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Final Answer: The final answer is $\\frac{1}{2}$. I hope it is correct. | $\\frac{1}{2}$",
        "Thus, the answer is 17. | 17",
        "Answer: 3.5 | 3.5",
        "Natalia sold 72 clips.\\n#### 72 | 72",
        "The final answer is x = 4 | x = 4",
        "So the final answer is: 12 dollars. | 12 dollars",
    })
    void reads_answer_phrases(String response, String expected) {
        assertThat(answer(math.extract(response.replace("\\n", "\n")))).isEqualTo(expected);
    }

    @Test
    void reads_multiple_choice_letters() {
        assertThat(answer(math.extract("Comparing the options, the correct option is (C) since it works")))
                .isEqualTo("C");
    }

    @Test
    void last_number_fallback_is_off_for_math_and_on_for_gsm8k() {
        String r = "She has 3 apples and buys 4 more, so 7 in all";

        assertThat(math.extract(r)).isEmpty();
        assertThat(answer(gsm8k.extract(r))).isEqualTo("7");
        assertThat(gsm8k.extract(r).orElseThrow().source()).isEqualTo(AnswerExtractor.Source.LAST_NUMBER);
        assertThat(answer(gsm8k.extract("total 1,250 dollars"))).isEqualTo("1,250");
        assertThat(answer(gsm8k.extract("it is -3/4 of it"))).isEqualTo("-3/4");
    }

    @Test
    void explicit_answers_win_over_the_last_number() {
        assertThat(answer(gsm8k.extract("The answer is 18. Check: 9 + 9 = 18 and 2"))).isEqualTo("18");
        assertThat(answer(gsm8k.extract("\\boxed{18} because 9 + 9 = 18 and 2"))).isEqualTo("18");
    }

    @Test
    void finds_nothing_in_empty_or_answerless_text() {
        assertThat(math.extract("")).isEmpty();
        assertThat(math.extract(null)).isEmpty();
        assertThat(math.extract("Let me think about this problem.")).isEmpty();
    }

    @Test
    void reads_the_summary_after_a_think_block() {
        String r = "<think>Maybe \\boxed{4}? Wait, no.</think>\nThe result is \\boxed{5}.";

        assertThat(answer(math.extract(r))).isEqualTo("5");
    }
}
