package dev.reason4j.recipes.shorten;

import static dev.reason4j.recipes.HandSplit.response;
import static dev.reason4j.recipes.HandSplit.round;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.recipes.shorten.ResponseSimplification.Simplified;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FCS, FCS+Reflection and GDS on responses split by hand. */
class ResponseSimplificationTest {

    /**
     * Five rounds: a wrong attempt (6), the first correct (5), a verification repeating 5 in the same approach, an
     * alternative approach reaching 5 again, and a last check repeating 5.
     */
    private static AnalyzedResponse overthought() {
        return response("p", 0,
                round("Try: 2+3=6. \\boxed{6}\n\n", 10, "6", false, 0, true, false),
                round("No, 2+3=5. \\boxed{5}\n\n", 20, "5", true, 0, false, false),
                round("Wait, check: 2+3=5. \\boxed{5}\n\n", 30, "5", true, 0, false, true),
                round("Alternatively, count up: 3,4,5. \\boxed{5}\n\n", 40, "5", true, 1, true, true),
                round("Let me double-check once more: 5. \\boxed{5}", 50, "5", true, 0, false, true));
    }

    @Test
    void should_keep_everything_up_to_the_first_correct_solution() {
        Simplified fcs = ResponseSimplification.firstCorrect(overthought()).orElseThrow();

        assertThat(fcs.text()).isEqualTo("Try: 2+3=6. \\boxed{6}\n\nNo, 2+3=5. \\boxed{5}\n\n");
        assertThat(fcs.tokens()).isEqualTo(30);
        assertThat(fcs.rounds()).isEqualTo(2);
    }

    @Test
    void should_keep_one_reflection_up_to_the_second_correct_solution() {
        Simplified fcsr = ResponseSimplification.firstCorrectWithReflection(overthought()).orElseThrow();

        assertThat(fcsr.rounds()).isEqualTo(3);
        assertThat(fcsr.tokens()).isEqualTo(60);
        assertThat(fcsr.text()).endsWith("Wait, check: 2+3=5. \\boxed{5}\n\n");
    }

    @Test
    void should_fall_back_to_fcs_when_no_second_solution_is_correct() {
        AnalyzedResponse r = response("p", 0,
                round("2+3=5 \\boxed{5}\n\n", 20, "5", true, 0, true, false),
                round("Wait, maybe 6? \\boxed{6}", 30, "6", false, 1, true, false));

        assertThat(ResponseSimplification.firstCorrectWithReflection(r)).contains(new Simplified("2+3=5 \\boxed{5}\n\n", 20, 1));
    }

    @Test
    void should_stop_diversifying_at_the_first_round_that_brings_nothing_new() {
        Simplified gds = ResponseSimplification.greedilyDiverse(overthought()).orElseThrow();

        assertThat(gds.rounds()).as("round 3 repeats the answer in the same approach: stop there").isEqualTo(2);

        AnalyzedResponse diverse = response("p", 0,
                round("2+3=5 \\boxed{5}\n\n", 20, "5", true, 0, true, false),
                round("Alternatively, count: 5 \\boxed{5}\n\n", 30, "5", true, 1, true, true),
                round("Or with fingers: 5 \\boxed{5}\n\n", 25, "5", true, 2, true, true),
                round("Wait, check again: 5 \\boxed{5}", 40, "5", true, 0, false, true));
        Simplified three = ResponseSimplification.greedilyDiverse(diverse).orElseThrow();
        assertThat(three.rounds()).isEqualTo(3);
        assertThat(three.tokens()).isEqualTo(75);
    }

    @Test
    void should_count_a_new_answer_as_new_but_end_on_a_correct_round() {
        AnalyzedResponse r = response("p", 0,
                round("2+3=5 \\boxed{5}\n\n", 20, "5", true, 0, true, false),
                round("Hmm, 2+3=6? \\boxed{6}\n\n", 15, "6", false, 0, false, false),
                round("Wait, recheck 5 \\boxed{5}\n\n", 10, "5", true, 0, false, true),
                round("Maybe 7? \\boxed{7}", 12, "7", false, 0, false, false));

        Simplified gds = ResponseSimplification.greedilyDiverse(r).orElseThrow();

        assertThat(gds.rounds()).as("round 2 is a new answer; round 3 repeats; the wrong round 2 is then dropped")
                .isEqualTo(1);

        AnalyzedResponse newThenRight = response("p", 0,
                round("2+3=5 \\boxed{5}\n\n", 20, "5", true, 0, true, false),
                round("Hmm, 2+3=6? \\boxed{6}\n\n", 15, "6", false, 0, false, false),
                round("Alternatively, count: 5 \\boxed{5}", 10, "5", true, 1, true, true));
        assertThat(ResponseSimplification.greedilyDiverse(newThenRight).orElseThrow().rounds()).isEqualTo(3);
    }

    @Test
    void should_give_no_short_target_for_a_response_that_is_never_right() {
        AnalyzedResponse wrong = response("p", 0, round("2+3=6 \\boxed{6}", 10, "6", false, 0, true, false));

        for (ShortTarget t : new ShortTarget[] {ShortTarget.FCS, ShortTarget.FCS_REFLECTION, ShortTarget.GDS}) {
            assertThat(ResponseSimplification.of(t, wrong)).as(t.name()).isEqualTo(Optional.empty());
        }
        assertThat(ResponseSimplification.of(ShortTarget.SHORTEST, wrong)).isPresent();
    }

    @Test
    void should_separate_rounds_that_do_not_tile_the_response_by_blank_lines() {
        AnalyzedResponse r = new AnalyzedResponse(1, 0, "p", "q", "5", null, response("p", 0,
                round("first: 5", 5, "5", true, 0, true, false),
                round("Wait, 5", 5, "5", true, 0, false, true)).analysis());

        assertThat(ResponseSimplification.firstCorrectWithReflection(r).orElseThrow().text()).isEqualTo("first: 5\n\nWait, 5");
    }

    @Test
    void should_name_targets_as_options_do() {
        assertThat(ShortTarget.byName("FCS+R")).isEqualTo(ShortTarget.FCS_REFLECTION);
        assertThat(ShortTarget.byName("gds")).isEqualTo(ShortTarget.GDS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShortTarget.byName("longest"))
                .hasMessage("unknown short target 'longest'; use fcs, fcs_reflection, gds or shortest");
    }
}
