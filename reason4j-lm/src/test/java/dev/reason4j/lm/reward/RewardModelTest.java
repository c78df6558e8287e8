package dev.reason4j.lm.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reward-model template method, the oracle, the likelihood baseline and the value transform. */
class RewardModelTest {

    private static final Prompt PROMPT = Prompt.text("What is 2+3?\n");

    @Test
    void oracle_should_grade_final_answers_against_the_reference() {
        OracleRewardModel oracle = new OracleRewardModel(MathGrader.withDefaults());

        List<RewardScore> scores = oracle.score(List.of(
                RewardRequest.complete(PROMPT, "2+3 = 5, so \\boxed{5}", List.of(), "5"),
                RewardRequest.complete(PROMPT, "<answer>\\boxed{\\frac{10}{2}}<end_of_answer>", List.of(), "5"),
                RewardRequest.complete(PROMPT, "\\boxed{6}", List.of(), "5"),
                RewardRequest.complete(PROMPT, "I give up", List.of(), "5")));

        assertThat(scores).extracting(RewardScore::value).containsExactly(1.0, 1.0, -1.0, -1.0);
        assertThat(oracle.usage()).isEqualTo(new RewardUsage(1, 4, 0));
    }

    @Test
    void should_refuse_requests_the_kind_of_model_cannot_score() {
        OracleRewardModel oracle = new OracleRewardModel(MathGrader.withDefaults());

        assertThatThrownBy(() -> oracle.score(List.of()))
                .hasMessageContaining("batch must not be empty");
        assertThatThrownBy(() -> oracle.score(RewardRequest.partial(PROMPT, "2+3", List.of())))
                .hasMessageContaining("batch[0]: oracle is an oracle model and scores only complete trajectories");
        assertThatThrownBy(() -> oracle.score(RewardRequest.complete(PROMPT, "\\boxed{5}", List.of(), null)))
                .hasMessageContaining("batch[0]: the oracle oracle needs the gold answer");
        assertThatThrownBy(() -> new OracleRewardModel(MathGrader.withDefaults(), -1, 1))
                .hasMessageContaining("correct > wrong");
        assertThatThrownBy(() -> new RewardScore(Double.NaN, 0)).hasMessageContaining("value must be finite");
        assertThatThrownBy(() -> new RewardRequest(PROMPT, "", List.of(-1), false, null))
                .hasMessageContaining("trajectoryTokenIds[0] must be >= 0");
        assertThat(oracle.usage().calls()).isZero();
    }

    @Test
    void should_catch_implementations_that_answer_the_wrong_count() {
        RewardModel broken = new RewardModel() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public Kind kind() {
                return Kind.PROCESS;
            }

            @Override
            protected List<RewardScore> doScore(List<RewardRequest> batch) {
                return List.of();
            }
        };

        assertThatThrownBy(() -> broken.score(RewardRequest.partial(PROMPT, "x", List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned 0 scores for 1 requests");
    }

    /** Scores every continuation token with log-probability log(0.5), and records what it was asked. */
    static final class HalfModel extends LanguageModel {
        final List<ScoreRequest> seen = new ArrayList<>();

        HalfModel() {
            super(SamplingParams.defaults());
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("half", 128, 0, Set.of(ModelInfo.Capability.SCORE, ModelInfo.Capability.TOKEN_PROMPTS));
        }

        @Override
        protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
            seen.addAll(requests);
            return requests.stream().map(r -> {
                int n = r.continuation() instanceof Prompt.Tokens t ? t.ids().size() : ((Prompt.Text) r.continuation()).text().length();
                return new ContinuationScore(List.of(1, 2), Collections.nCopies(n, 7), Collections.nCopies(n, Math.log(0.5)));
            }).toList();
        }
    }

    @Test
    void likelihood_should_map_the_geometric_mean_token_probability_into_minus_one_one() {
        HalfModel model = new HalfModel();
        LikelihoodRewardModel reward = new LikelihoodRewardModel(model);

        List<RewardScore> scores = reward.score(List.of(
                RewardRequest.partial(PROMPT, "abc", List.of(11, 12)),
                RewardRequest.partial(PROMPT, "", List.of()),
                RewardRequest.partial(PROMPT, "abcd", List.of())));

        assertThat(scores.get(0).value()).as("2 · 0.5 − 1").isCloseTo(0, within(1e-12));
        assertThat(scores.get(0).tokens()).as("2 prompt + 2 continuation tokens").isEqualTo(4);
        assertThat(scores.get(1)).isEqualTo(new RewardScore(0, 0));
        assertThat(model.seen).hasSize(2);
        assertThat(model.seen.get(0).continuation()).as("the policy's own tokens").isEqualTo(Prompt.tokens(11, 12));
        assertThat(model.seen.get(1).continuation()).isEqualTo(Prompt.text("abcd"));
        assertThat(reward.usage()).isEqualTo(new RewardUsage(1, 3, 4 + 0 + 6));
        assertThat(model.usageTotals().calls()).as("one score call for the batch").isEqualTo(1);
    }

    @Test
    void value_transform_should_squash_raw_scores_as_rstar_does_at_inference() {
        assertThat(ValueTransform.IDENTITY.apply(7.5)).isEqualTo(7.5);
        assertThat(ValueTransform.TANH_OVER_5.apply(5)).isCloseTo(Math.tanh(1), within(1e-12));
        assertThat(ValueTransform.TANH_OVER_5.apply(-100)).isCloseTo(-1, within(1e-6));
    }
}
