package dev.reason4j.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile answers end with a verdict instead of hanging or crashing: each check runs under a time budget and
 * refuses numbers too large to be useful.
 */
class GraderBudgetTest {

    private static final MathGrader GRADER =
            new MathGrader(GraderOptions.builder().timeBudget(Duration.ofMillis(300)).build());

    static Stream<String[]> hostile() {
        return Stream.of(
                new String[] {"2^{2^{2^{40}}}", "2^{2^{2^{40}}}+1"},
                new String[] {"10^{10^{10}}", "10^{10^{10}}-1"},
                new String[] {"99999!", "99999!+1"},
                new String[] {"3000!", "3000!+1"},
                new String[] {"{".repeat(4_000) + "1" + "}".repeat(4_000), "1"},
                new String[] {"(".repeat(3_000) + "x" + ")".repeat(3_000), "x"},
                new String[] {"\\sqrt{".repeat(190) + "2" + "}".repeat(190), "2"},
                new String[] {"1+".repeat(4_000) + "1", "4002"},
                new String[] {"x*".repeat(3_000) + "x", "x^{3002}"},
                new String[] {"\\pm 1 \\pm 2 \\pm 3 \\pm 4 \\pm 5 \\pm 6", "1"},
                new String[] {"a".repeat(50_000), "a"},
                new String[] {"\\frac{1}{" + " ".repeat(100_000), "1"},
                new String[] {"1e999999999", "1"},
                new String[] {"x^{x^{x^{x^{x^{x}}}}}", "x"},
                new String[] {"(2^{60000})^{60000}", "2"},
                new String[] {"\\begin{pmatrix}" + "1 & ".repeat(2_000) + "1 \\end{pmatrix}", "1"});
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void returns_a_verdict_within_the_budget(String gold, String predicted) {
        long start = System.nanoTime();
        Verdict v = GRADER.grade(gold, predicted);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(v.equal()).as(v.reason()).isFalse();
        assertThat(v.reason()).isNotBlank();
        assertThat(took).as("took %s: %s", took, v.reason()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void overflowing_values_are_not_called_equal() {
        Verdict v = GRADER.grade("2^{2^{2^{40}}}", "2^{2^{2^{40}}}+1");

        assertThat(v.equal()).isFalse();
        assertThat(v.reason()).contains("could not decide");
    }

    @Test
    void a_long_comparison_stops_at_the_budget_with_that_reason() {
        MathGrader impatient = new MathGrader(GraderOptions.builder().timeBudget(Duration.ofMillis(20)).build());
        List<String> items = IntStream.rangeClosed(1, 200).mapToObj(k -> "\\sqrt{x+" + k + "}").toList();
        List<String> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);

        long start = System.nanoTime();
        Verdict v = impatient.grade(String.join(", ", items), String.join(", ", reversed));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(v.equal()).isFalse();
        assertThat(v.reason()).contains("time budget of 20 ms exceeded");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(MathGrader.withDefaults().grade(String.join(", ", items), String.join(", ", reversed)).equal())
                .as("with the default budget the same lists are equal").isTrue();
    }
}
