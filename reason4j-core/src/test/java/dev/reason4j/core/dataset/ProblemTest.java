package dev.reason4j.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void should_copy_meta_into_an_immutable_map() {
        Map<String, String> meta = new HashMap<>(Map.of("level", "3"));
        Problem p = new Problem("p1", "What is 1+2?", "3", meta);
        meta.put("level", "5");

        assertThat(p.meta()).containsExactly(Map.entry("level", "3"));
        assertThatThrownBy(() -> p.meta().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_reject_blank_fields_naming_them() {
        assertThatThrownBy(() -> new Problem(" ", "q", "1")).hasMessage("id must not be blank");
        assertThatThrownBy(() -> new Problem("p1", "", "1")).hasMessage("problem p1: question must not be blank");
        assertThatThrownBy(() -> new Problem("p1", "q", null)).hasMessage("answer");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("level", null);
        assertThatThrownBy(() -> new Problem("p1", "q", "1", withNull)).hasMessage("problem p1: meta 'level' is null");
    }
}
