package dev.reason4j.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The template method around {@code doGenerate}/{@code doScore}, with a scripted model. */
class LanguageModelTest {

    /** Echoes each prompt's length as one token; can be told to misbehave. */
    static final class ScriptedModel extends LanguageModel {
        final Set<ModelInfo.Capability> capabilities;
        final List<SamplingParams> seen = new ArrayList<>();
        boolean dropOneResult;

        ScriptedModel(Set<ModelInfo.Capability> capabilities) {
            super(SamplingParams.builder().maxTokens(9).build());
            this.capabilities = capabilities;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("scripted", 128, 5, capabilities);
        }

        @Override
        protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
            seen.add(params);
            List<GenerationResult> results = new ArrayList<>();
            for (Prompt prompt : prompts) {
                int length = prompt instanceof Prompt.Text t ? t.text().length() : 1;
                List<Completion> completions = new ArrayList<>();
                for (int i = 0; i < params.n(); i++) {
                    completions.add(new Completion(i, List.of(length), "x", List.of(), List.of(), FinishReason.STOP, "x"));
                }
                results.add(new GenerationResult(List.of(1, 2, 3), completions, new Usage(3, 1, params.n())));
            }
            return dropOneResult ? results.subList(1, results.size()) : results;
        }

        @Override
        protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
            return requests.stream().map(r -> new ContinuationScore(List.of(1), List.of(2, 3), List.of(-1.0, -2.0))).toList();
        }
    }

    @Test
    void should_use_defaults_and_count_tokens() {
        ScriptedModel model = new ScriptedModel(Set.of(ModelInfo.Capability.SCORE));

        GenerationResult result = model.generate("abcd");
        model.generate(List.of(Prompt.text("a"), Prompt.text("b")), SamplingParams.builder().n(2).build());
        model.score(Prompt.text("a"), Prompt.text("bc"));

        assertThat(result.first().tokenIds()).containsExactly(4);
        assertThat(model.seen.get(0).maxTokens()).as("default params").isEqualTo(9);
        assertThat(model.usageTotals()).isEqualTo(new UsageTotals(3, 4, 3 * 3 + 3, 3, 1 + 2 + 2));
        assertThat(model.usageTotals().cachedShare()).isEqualTo(3.0 / 12);
    }

    @Test
    void should_reject_requests_the_model_cannot_serve() {
        ScriptedModel model = new ScriptedModel(Set.of());

        assertThatThrownBy(() -> model.generate(List.of(), SamplingParams.defaults()))
                .hasMessageContaining("prompts must not be empty");
        assertThatThrownBy(() -> model.generate(Prompt.tokens(1, 2), SamplingParams.defaults()))
                .hasMessageContaining("prompts[0]: scripted does not accept token-id prompts");
        assertThatThrownBy(() -> model.generate(Prompt.chat(ChatMessage.user("hi")), SamplingParams.defaults()))
                .hasMessageContaining("scripted has no chat template");
        assertThatThrownBy(() -> model.generate(Prompt.text("a"), SamplingParams.builder().topLogprobs(6).build()))
                .hasMessageContaining("topLogprobs 6 exceeds this model's maximum of 5");
        assertThatThrownBy(() -> model.score(Prompt.text("a"), Prompt.text("b")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(model.seen).isEmpty();
    }

    @Test
    void should_catch_implementations_that_answer_the_wrong_count() {
        ScriptedModel model = new ScriptedModel(Set.of());
        model.dropOneResult = true;

        assertThatThrownBy(() -> model.generate(List.of(Prompt.text("a"), Prompt.text("b")), SamplingParams.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned 1 results for 2 prompts");
    }
}
