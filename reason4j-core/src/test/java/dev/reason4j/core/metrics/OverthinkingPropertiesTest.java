package dev.reason4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.split.SplitRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the per-response terms over randomly composed long responses. */
class OverthinkingPropertiesTest {

    private static final String GOLD = "12";
    private static final List<String> PLAIN = List.of(
            "First, I multiply 3 by 4.", "Hmm, let me think about what the question asks.",
            "Using the distributive property, 3 times 4 is 3 + 3 + 3 + 3.", "That gives twelve.",
            "Wait, is the question about addition?", "No, it clearly says product.");
    private static final List<String> ANSWERS = List.of(
            "So the answer is 12.", "Therefore, the answer is \\boxed{12}.", "So the answer is 7.",
            "The answer is: $\\frac{24}{2}$.", "So the answer is 13.");
    private static final List<String> OPENINGS = List.of(
            "Wait, let me double-check.", "Alternatively, I can draw a table of values.", "Let me verify this.",
            "To confirm, I will recount.", "But wait, maybe I misread.");

    private final ResponseAnalyzer analyzer =
            ResponseAnalyzer.withRules(MathGrader.withDefaults(), SplitRules.defaults(), new ApproximateTokenCounter());

    private static String randomResponse(SplittableRandom random) {
        List<String> steps = new ArrayList<>();
        int rounds = 1 + random.nextInt(5);
        for (int r = 0; r < rounds; r++) {
            if (r > 0) {
                steps.add(OPENINGS.get(random.nextInt(OPENINGS.size())));
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                steps.add(PLAIN.get(random.nextInt(PLAIN.size())));
            }
            if (random.nextInt(10) > 0) {
                steps.add(ANSWERS.get(random.nextInt(ANSWERS.size())));
            }
        }
        if (random.nextBoolean()) {
            steps.add("**Final Answer**\n\\[ \\boxed{12} \\]");
        }
        String body = String.join("\n\n", steps);
        return random.nextBoolean() ? "<think>\n" + body + "\n</think>\n\nThe answer is $\\boxed{12}$." : body;
    }

    @Test
    void terms_lie_in_the_unit_interval_and_rounds_tile_every_response() {
        SplittableRandom random = new SplittableRandom(20_241_231L);
        for (int i = 0; i < 500; i++) {
            String response = randomResponse(random);
            ResponseAnalysis a = analyzer.analyze(ResponseInput.of("What is 3 times 4?", GOLD, response));

            assertThat(String.join("", a.solutions().stream().map(AnalyzedSolution::text).toList()))
                    .as("tiling of %s", response).isEqualTo(response);
            assertThat(a.outcomeEfficiency()).isBetween(0.0, 1.0);
            assertThat(a.processEfficiency()).isBetween(0.0, 1.0);
            assertThat(a.tokens()).isEqualTo(a.solutions().stream().mapToLong(AnalyzedSolution::tokens).sum());
            assertThat(a.solutions().getFirst().distinct()).isTrue();
            assertThat(a.tokensToFirstCorrect() + a.tokensAfterFirstCorrect())
                    .isEqualTo(a.anyCorrect() ? a.tokens() : 0);
            if (a.solutionCount() == 1 && a.anyCorrect()) {
                assertThat(a.outcomeEfficiency()).isEqualTo(1.0);
            }
            if (a.solutions().stream().noneMatch(AnalyzedSolution::correct)) {
                assertThat(a.outcomeEfficiency()).isZero();
            }
        }
    }

    @Test
    void a_single_correct_solution_gives_outcome_efficiency_one_and_wrong_only_gives_sigma_zero() {
        for (String answer : List.of("\\boxed{12}", "the answer is 12.", "<answer>12</answer>", "the answer is $\\frac{36}{3}$")) {
            ResponseAnalysis a = analyzer.analyze(ResponseInput.of("q", GOLD, "3 times 4 is twelve, so " + answer));
            assertThat(a.outcomeEfficiency()).as(answer).isEqualTo(1.0);
        }
        ResponseAnalysis wrong = analyzer.analyze(ResponseInput.of("q", GOLD,
                "So the answer is 7.\n\nWait, the answer is 13.\n\nAlternatively, by a table, the answer is 11."));
        assertThat(wrong.solutionCount()).isEqualTo(3);
        assertThat(wrong.anyCorrect()).isFalse();
        assertThat(wrong.outcomeEfficiency()).isZero();
    }
}
