package dev.reason4j.core.metrics.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApproachSignatureTest {

    @Test
    void finds_terms_at_word_starts_case_insensitively() {
        ApproachSignature s = new ApproachSignature(List.of("factori[sz]", "graph", "number line"));

        assertThat(s.of("Factorizing gives (x-1)(x-2); the Graph agrees.").stream().toArray()).containsExactly(0, 1);
        assertThat(s.of("a paragraph mentions no method").isEmpty()).isTrue();
        assertThat(s.of("on the Number Line").stream().toArray()).containsExactly(2);
    }

    @Test
    void terms_may_hold_groups_of_their_own() {
        ApproachSignature s = new ApproachSignature(List.of("law of (co)?sines", "(sub)(stitut)", "graph"));

        assertThat(s.of("then substitute and graph it").stream().toArray()).containsExactly(1, 2);
    }

    @Test
    void the_default_vocabulary_tells_a_new_method_from_a_recomputation() {
        ApproachSignature s = new ApproachSignature();

        assertThat(s.of("Using the quadratic formula, x = 2 or 3.")).isNotEqualTo(s.of("Factoring: (x-2)(x-3)."));
        assertThat(s.of("2 + 3 = 5.").isEmpty()).isTrue();
    }

    @Test
    void rejects_blank_and_invalid_terms_naming_them() {
        assertThatThrownBy(() -> new ApproachSignature(List.of("ok", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new ApproachSignature(List.of("bad(")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad('");
    }
}
