package dev.reason4j.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void should_reject_negative_or_inconsistent_usage() {
        assertThatThrownBy(() -> new Usage(-1, 0, 0)).hasMessageContaining("promptTokens must be >= 0, was -1");
        assertThatThrownBy(() -> new Usage(5, 6, 0)).hasMessageContaining("cachedPromptTokens must be in [0, promptTokens=5], was 6");
        assertThatThrownBy(() -> new Usage(5, 0, -2)).hasMessageContaining("completionTokens must be >= 0, was -2");
        assertThat(new Usage(5, 2, 3).totalTokens()).isEqualTo(8);
    }

    @Test
    void should_reject_logprobs_that_do_not_match_tokens() {
        TokenLogprob lp = new TokenLogprob(3, "a", -0.5);
        assertThatThrownBy(() -> new Completion(0, List.of(3, 4), "ab", List.of(lp), List.of(), FinishReason.LENGTH, null))
                .hasMessageContaining("logprobs has 1 entries for 2 tokens");
        assertThatThrownBy(() -> new TokenLogprob(1, "x", 0.5)).hasMessageContaining("logprob must be a number <= 0");
        assertThatThrownBy(() -> new TokenLogprob(-1, "x", -1)).hasMessageContaining("tokenId must be >= 0, was -1");
    }

    @Test
    void should_sum_completion_and_continuation_logprobs() {
        Completion c = new Completion(0, List.of(3, 4), "ab",
                List.of(new TokenLogprob(3, "a", -0.5), new TokenLogprob(4, "b", -1.5)), List.of(), FinishReason.STOP, "b");
        assertThat(c.cumulativeLogprob()).isEqualTo(-2.0);
        Completion without = new Completion(0, List.of(3), "a", List.of(), List.of(), FinishReason.LENGTH, null);
        assertThatThrownBy(without::cumulativeLogprob).hasMessageContaining("logprobs were not requested");

        ContinuationScore score = new ContinuationScore(List.of(1), List.of(2, 3), List.of(-1.0, -3.0));
        assertThat(score.sum()).isEqualTo(-4.0);
        assertThat(score.mean()).isEqualTo(-2.0);
        assertThatThrownBy(() -> new ContinuationScore(List.of(1), List.of(2), List.of()))
                .hasMessageContaining("logprobs has 0 entries for 1 continuation tokens");
    }

    @Test
    void should_validate_prompts_and_results() {
        assertThatThrownBy(() -> Prompt.tokens(1, -2)).hasMessageContaining("ids[1] must be >= 0, was -2");
        assertThatThrownBy(() -> Prompt.chat(List.of())).hasMessageContaining("messages must not be empty");
        assertThatThrownBy(() -> new ChatMessage(" ", "x")).hasMessageContaining("role must not be blank");
        assertThatThrownBy(() -> new ScoreRequest(Prompt.text("a"), Prompt.chat(ChatMessage.user("b"))))
                .hasMessageContaining("continuation must be text or tokens");
        Completion second = new Completion(1, List.of(), "", List.of(), List.of(), FinishReason.LENGTH, null);
        assertThatThrownBy(() -> new GenerationResult(List.of(), List.of(second), new Usage(0, 0, 0)))
                .hasMessageContaining("completions[0] has index 1");
        assertThatThrownBy(() -> new ModelInfo("m", 0, 0, java.util.Set.of()))
                .hasMessageContaining("contextLength must be >= 1, was 0");
    }
}
