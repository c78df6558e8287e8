package dev.reason4j.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MathGraderTest {

    private final MathGrader grader = MathGrader.withDefaults();

    @Test
    void verdict_names_the_normalised_forms_the_reason_and_the_kind() {
        Verdict v = grader.grade("\\dfrac{1}{2}", "$0.5$");

        assertThat(v.equal()).isTrue();
        assertThat(v.gold()).isEqualTo("1/2");
        assertThat(v.predicted()).isEqualTo("0.5");
        assertThat(v.reason()).isEqualTo("equal exactly");
        assertThat(v.kind()).isEqualTo("number");
        assertThat(grader.grade("(1,2]", "(1,2)").kind()).isEqualTo("interval");
        assertThat(grader.grade("(1,2)", "(1,2)").kind()).isEqualTo("tuple");
        assertThat(grader.grade("42", "42").kind()).isEqualTo("integer");
    }

    @Test
    void percent_policy_decides_what_a_one_sided_percent_means() {
        MathGrader dropSign = new MathGrader(GraderOptions.builder().percentPolicy(PercentPolicy.DROP_SIGN).build());
        MathGrader asFraction = new MathGrader(GraderOptions.builder().percentPolicy(PercentPolicy.AS_FRACTION).build());

        assertThat(dropSign.grade("50\\%", "50").equal()).isTrue();
        assertThat(dropSign.grade("50\\%", "0.5").equal()).isFalse();
        assertThat(asFraction.grade("50\\%", "0.5").equal()).isTrue();
        assertThat(asFraction.grade("50\\%", "50").equal()).isFalse();
        assertThat(grader.grade("50\\%", "50").equal()).isTrue();
        assertThat(grader.grade("50\\%", "0.5").equal()).isTrue();
    }

    @Test
    void relative_tolerance_is_configurable() {
        MathGrader strict = new MathGrader(GraderOptions.builder().relativeTolerance(1e-7).build());

        assertThat(grader.grade("\\frac{1}{3}", "0.3333").equal()).isTrue();
        assertThat(strict.grade("\\frac{1}{3}", "0.3333").equal()).isFalse();
        assertThat(strict.grade("\\frac{1}{3}", "0.33333333").equal()).isTrue();
    }

    @Test
    void grades_whole_responses_through_extraction() {
        assertThat(grader.gradeResponse("\\frac{1}{2}", "We halve it: $\\boxed{0.5}$.").equal()).isTrue();

        Verdict none = grader.gradeResponse("7", "I am not sure.");
        assertThat(none.equal()).isFalse();
        assertThat(none.reason()).contains("no final answer");
        assertThat(none.predicted()).isEmpty();
    }

    @Test
    void an_empty_prediction_is_never_equal() {
        assertThat(grader.grade("0", "").equal()).isFalse();
        assertThat(grader.grade("0", "  ").reason()).contains("empty");
    }

    @Test
    void unparseable_answers_fall_back_to_text() {
        ParsedAnswer p = grader.parse("\\frac{1}{");

        assertThat(p.parseError()).isNotNull();
        assertThat(grader.grade("\\frac{1}{", "\\frac{1}{").equal()).isTrue();
        assertThat(grader.grade("\\frac{1}{", "\\frac{2}{").equal()).isFalse();
    }

    @Test
    void symbolic_verdicts_are_reproducible() {
        Verdict first = grader.grade("\\frac{x^2-1}{x-1}", "x+1");
        Verdict again = MathGrader.withDefaults().grade("\\frac{x^2-1}{x-1}", "x+1");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void options_reject_bad_values_naming_the_field() {
        assertThatThrownBy(() -> GraderOptions.builder().relativeTolerance(-1).build())
                .hasMessageContaining("relativeTolerance").hasMessageContaining("-1");
        assertThatThrownBy(() -> GraderOptions.builder().timeBudget(Duration.ZERO).build())
                .hasMessageContaining("timeBudget");
        assertThatThrownBy(() -> GraderOptions.builder().maxAnswerChars(0).build())
                .hasMessageContaining("maxAnswerChars");
    }
}
