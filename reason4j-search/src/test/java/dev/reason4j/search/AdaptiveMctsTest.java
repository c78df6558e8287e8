package dev.reason4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.protocol.CotStepProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adaptive MCTS stops settled problems and gives their rollouts to unsettled ones. */
class AdaptiveMctsTest {

    /**
     * Every expansion writes two open steps and an answer: always 5 (PPM 0.9) for "easy", a different one per
     * branch (PPM −0.1) for "hard".
     */
    private static SearchContext context() {
        ScriptedModel model = new ScriptedModel(prompt -> prompt.startsWith("easy")
                ? List.of("\\boxed{5}\n\n", "x" + prompt.length() + "\n\n", "y" + prompt.length() + "\n\n")
                : List.of("a" + prompt.length() + "\n\n", "b" + prompt.length() + "\n\n",
                        "\\boxed{h" + Math.abs(prompt.hashCode()) + "}\n\n"), false);
        ScriptedReward ppm = new ScriptedReward(RewardModel.Kind.PROCESS, t -> t.contains("boxed{5}") ? 0.9
                : t.contains("boxed") ? -0.1 : 0);
        MathGrader grader = MathGrader.withDefaults();
        return SearchContext.builder()
                .policy(model)
                .protocol(new CotStepProtocol(grader.extractor(), true))
                .reward(ppm)
                .settings(SearchSettings.builder().maxDepth(4).build())
                .build();
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("easy", "easy question", "5"), new Problem("hard", "hard question", "7"));

    private static final MctsOptions OPTIONS = MctsOptions.builder().candidates(3).rollouts(3).build();

    @Test
    void should_stop_a_settled_problem_and_give_its_rollouts_to_the_other() {
        List<SearchResult> fixed = new RStarMcts(OPTIONS).solve(context(), PROBLEMS, 5);
        List<SearchResult> adaptive = new AdaptiveMcts(OPTIONS, new AdaptiveOptions(1, 6, 0.75, 0.5))
                .solve(context(), PROBLEMS, 5);

        assertThat(fixed).extracting(r -> r.usage().rollouts()).containsExactly(3L, 3L);
        // easy settles after its first rollout (answer 5 holds all the weight, PPM 0.9 >= 0.5); the pool of
        // 2 × 3 rollouts then leaves hard 5
        assertThat(adaptive).extracting(r -> r.usage().rollouts()).containsExactly(1L, 5L);
        assertThat(adaptive.get(0).answer()).isEqualTo("5");
        assertThat(adaptive.get(0).usage().generatedTokens()).isLessThan(fixed.get(0).usage().generatedTokens());
    }

    @Test
    void should_not_settle_before_the_minimum_or_below_the_score() {
        List<SearchResult> patient = new AdaptiveMcts(OPTIONS, new AdaptiveOptions(2, 6, 0.75, 0.5))
                .solve(context(), PROBLEMS, 5);
        List<SearchResult> demanding = new AdaptiveMcts(OPTIONS, new AdaptiveOptions(1, 6, 0.75, 0.95))
                .solve(context(), PROBLEMS, 5);

        assertThat(patient.get(0).usage().rollouts()).isEqualTo(2);
        assertThat(demanding.get(0).usage().rollouts()).as("0.9 < 0.95: never settled").isEqualTo(3);
    }

    @Test
    void should_validate_its_options() {
        assertThatThrownBy(() -> new AdaptiveOptions(3, 2, 0.75, 0.5)).hasMessageContaining("maxRollouts must be >= minRollouts");
        assertThatThrownBy(() -> new AdaptiveOptions(1, 2, 0, 0.5)).hasMessageContaining("settleShare must be in (0, 1]");
        assertThatThrownBy(() -> new AdaptiveOptions(1, 2, 0.5, 2)).hasMessageContaining("settleScore must be in [-1, 1]");
        assertThatThrownBy(() -> new AdaptiveMcts(OPTIONS, new AdaptiveOptions(1, 2, 0.75, 0.5)))
                .hasMessageContaining("maxRollouts (2) must be >= the base rollouts (3)");
    }
}
