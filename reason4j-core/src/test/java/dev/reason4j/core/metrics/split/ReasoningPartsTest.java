package dev.reason4j.core.metrics.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReasoningPartsTest {

    @Test
    void cuts_after_the_last_closing_tag_and_keeps_the_tag_with_the_reasoning() {
        ReasoningParts p = ReasoningParts.of("<think>a</think>b</think>\nsummary");

        assertThat(p.reasoning()).isEqualTo("<think>a</think>b</think>");
        assertThat(p.summary()).isEqualTo("\nsummary");
        assertThat(p.hasSummary()).isTrue();
    }

    @Test
    void without_a_closing_tag_everything_is_reasoning() {
        ReasoningParts p = ReasoningParts.of("<think>cut off by the length limit");

        assertThat(p.reasoning()).isEqualTo("<think>cut off by the length limit");
        assertThat(p.summary()).isEmpty();
        assertThat(p.hasSummary()).isFalse();
    }

    @Test
    void takes_other_tags_and_rejects_an_empty_one() {
        assertThat(ReasoningParts.of("x<|end_think|>y", "<|end_think|>").summary()).isEqualTo("y");
        assertThatThrownBy(() -> ReasoningParts.of("x", "")).hasMessageContaining("closingTag");
    }
}
