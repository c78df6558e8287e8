package dev.reason4j.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SamplingParamsTest {

    @Test
    void should_build_with_defaults_and_round_trip_through_toBuilder() {
        SamplingParams params = SamplingParams.builder().n(4).temperature(0.7).topP(0.9).topK(40).maxTokens(64)
                .stop("<end_of_step>").stopTokenIds(List.of(2)).seed(7).topLogprobs(5).build();

        assertThat(params.logprobs()).as("topLogprobs > 0 turns logprobs on").isTrue();
        assertThat(params.toBuilder().build()).isEqualTo(params);
        assertThat(SamplingParams.defaults().n()).isEqualTo(1);
        assertThat(SamplingParams.greedy().isGreedy()).isTrue();
        assertThat(SamplingParams.defaults().isGreedy()).isFalse();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.n(0), "n must be >= 1, was 0"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.temperature(-0.1), "temperature"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.temperature(Double.NaN), "temperature"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.topP(0), "topP must be in (0, 1], was 0.0"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.topP(1.5), "topP"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.topK(-1), "topK must be >= 0"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.maxTokens(0), "maxTokens must be >= 1"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.stop(""), "stop[0] must not be empty"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.stopTokenIds(List.of(-3)), "stopTokenIds[0]"),
                Arguments.of((UnaryOperator<SamplingParams.Builder>) b -> b.topLogprobs(21), "topLogprobs must be in [0, 20], was 21"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void should_reject_invalid_values_naming_field_and_value(UnaryOperator<SamplingParams.Builder> edit, String message) {
        assertThatThrownBy(() -> edit.apply(SamplingParams.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
