package dev.reason4j.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseablesTest {

    @Test
    void should_close_everything_last_first_and_throw_the_first_failure_with_the_rest_suppressed() {
        List<String> closed = new ArrayList<>();
        List<AutoCloseable> opened = Arrays.asList(() -> closed.add("a"), () -> {
            closed.add("b");
            throw new IllegalStateException("b failed");
        }, null, () -> {
            closed.add("c");
            throw new java.io.IOException("c failed");
        });

        assertThatThrownBy(() -> Closeables.closeInReverse(opened, null))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("c failed")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("b failed"));
        assertThat(closed).containsExactly("c", "b", "a");
    }

    @Test
    void should_add_close_failures_to_an_earlier_failure_without_throwing() {
        RuntimeException earlier = new RuntimeException("open failed");
        Closeables.closeInReverse(List.of(() -> {
            throw new IllegalStateException("close failed");
        }), earlier);

        assertThat(earlier.getSuppressed()).extracting(Throwable::getMessage).containsExactly("close failed");
    }
}
