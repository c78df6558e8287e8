package dev.reason4j.lm.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingConfigTest {

    private static final Path OUT = Path.of("runs/x");

    @Test
    void loss_parameters_default_to_the_papers_values() {
        TrainingConfig dpo = TrainingConfig.builder(Objective.DPO, OUT).build();
        assertThat(dpo.beta()).isEqualTo(0.1);
        assertThat(dpo.rpoAlpha()).isEqualTo(1.0);
        assertThat(dpo.lhEpsilon()).isEqualTo(0.2);
        TrainingConfig simpo = TrainingConfig.builder(Objective.SIMPO, OUT).build();
        assertThat(simpo.beta()).isEqualTo(2.0);
        assertThat(simpo.simpoGamma()).isEqualTo(1.0);
        assertThat(TrainingConfig.builder(Objective.SIMPO, OUT).beta(2.5).build().simpoGamma()).isEqualTo(1.25);
        assertThat(TrainingConfig.builder(Objective.SIMPO, OUT).beta(2.5).simpoGamma(0.3).build().simpoGamma())
                .isEqualTo(0.3);
        assertThat(dpo.toBuilder().build()).isEqualTo(dpo);
    }

    @Test
    void steps_come_from_max_steps_or_epochs_over_the_effective_batch() {
        TrainingConfig c = TrainingConfig.builder(Objective.SFT, OUT).epochs(3).microBatchSize(2).gradientAccumulation(4)
                .build();
        assertThat(c.effectiveBatchSize()).isEqualTo(8);
        assertThat(c.totalSteps(20)).isEqualTo(9); // 3 · ⌈20 / 8⌉
        assertThat(c.toBuilder().maxSteps(5).build().totalSteps(20)).isEqualTo(5);
        assertThat(c.toBuilder().warmupRatio(0.1).build().warmupSteps(95)).isEqualTo(10);
        assertThat(c.toBuilder().warmupRatio(0.1).warmupSteps(12).build().warmupSteps(95)).isEqualTo(12);
    }

    @Test
    void schedules_warm_up_linearly_then_decay() {
        // warmup 3 of 13 steps, peak 1: warmup steps 1/4, 2/4, 3/4, then decay over 10 steps
        assertThat(LrSchedule.COSINE.learningRate(0, 13, 3, 1.0, 0)).isEqualTo(0.25);
        assertThat(LrSchedule.COSINE.learningRate(2, 13, 3, 1.0, 0)).isEqualTo(0.75);
        assertThat(LrSchedule.COSINE.learningRate(3, 13, 3, 1.0, 0)).isEqualTo(1.0);
        assertThat(LrSchedule.COSINE.learningRate(8, 13, 3, 1.0, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(LrSchedule.COSINE.learningRate(8, 13, 3, 1.0, 0.2)).isCloseTo(0.6, within(1e-12));
        assertThat(LrSchedule.LINEAR.learningRate(8, 13, 3, 1.0, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(LrSchedule.LINEAR.learningRate(12, 13, 3, 1.0, 0)).isCloseTo(0.1, within(1e-12));
        assertThat(LrSchedule.CONSTANT.learningRate(12, 13, 3, 1.0, 0)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "beta must be a finite number > 0, was 0.0",
        "rpoAlpha must be in [0.0",
        "simpoGamma must be finite, was NaN",
        "lhEpsilon must be in (0, 1), was 1.0",
        "learningRate must be a finite number > 0, was -1.0",
        "adamBeta1 must be in [0, 1), was 1.0",
        "adamBeta2 must be in [0, 1), was -0.1",
        "adamEpsilon must be a finite number > 0, was 0.0",
        "weightDecay must be in [0.0",
        "warmupSteps must be >= 0, was -1",
        "warmupRatio must be in [0, 1), was 1.0",
        "minLearningRateRatio must be in [0.0, 1.0], was 2.0",
        "maxSteps must be >= 0 (0 = run epochs), was -3",
        "epochs must be >= 1, was 0",
        "microBatchSize must be >= 1, was 0",
        "gradientAccumulation must be >= 1, was 0",
        "maxGradNorm must be in [0.0",
        "evalFraction must be in [0, 1), was 1.0",
        "evalEvery must be >= 0, was -1",
        "checkpointEvery must be >= 0, was -1",
        "keepCheckpoints must be >= 1, was 0",
    })
    void each_bad_field_is_named_with_its_value(String message) {
        String field = message.substring(0, message.indexOf(' '));
        UnaryOperator<TrainingConfig.Builder> bad = switch (field) {
            case "beta" -> b -> b.beta(0);
            case "rpoAlpha" -> b -> b.rpoAlpha(-1);
            case "simpoGamma" -> b -> b.simpoGamma(Double.NaN);
            case "lhEpsilon" -> b -> b.lhEpsilon(1);
            case "learningRate" -> b -> b.learningRate(-1);
            case "adamBeta1" -> b -> b.adamBetas(1, 0.999);
            case "adamBeta2" -> b -> b.adamBetas(0.9, -0.1);
            case "adamEpsilon" -> b -> b.adamEpsilon(0);
            case "weightDecay" -> b -> b.weightDecay(-0.5);
            case "warmupSteps" -> b -> b.warmupSteps(-1);
            case "warmupRatio" -> b -> b.warmupRatio(1);
            case "minLearningRateRatio" -> b -> b.minLearningRateRatio(2);
            case "maxSteps" -> b -> b.maxSteps(-3);
            case "epochs" -> b -> b.epochs(0);
            case "microBatchSize" -> b -> b.microBatchSize(0);
            case "gradientAccumulation" -> b -> b.gradientAccumulation(0);
            case "maxGradNorm" -> b -> b.maxGradNorm(-1);
            case "evalFraction" -> b -> b.evalFraction(1);
            case "evalEvery" -> b -> b.evalEvery(-1);
            case "checkpointEvery" -> b -> b.checkpointEvery(-1);
            case "keepCheckpoints" -> b -> b.keepCheckpoints(0);
            default -> throw new AssertionError(field);
        };
        assertThatThrownBy(() -> bad.apply(TrainingConfig.builder(Objective.DPO, OUT)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void adaptations_and_objectives_validate_their_fields() {
        assertThatThrownBy(() -> Adaptation.lastLayers(0)).hasMessageContaining("adaptation.layers must be >= 1, was 0");
        assertThatThrownBy(() -> new Adaptation.Lora(0, 8, 0, List.of("q_proj")))
                .hasMessageContaining("adaptation.rank must be >= 1, was 0");
        assertThatThrownBy(() -> new Adaptation.Lora(4, 0, 0, List.of("q_proj")))
                .hasMessageContaining("adaptation.alpha must be a finite number > 0, was 0.0");
        assertThatThrownBy(() -> new Adaptation.Lora(4, 8, 1, List.of("q_proj")))
                .hasMessageContaining("adaptation.dropout must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> new Adaptation.Lora(4, 8, 0, List.of("qproj")))
                .hasMessageContaining("adaptation.targetModules: unknown module 'qproj'");
        assertThat(Adaptation.lora(8, 16)).isEqualTo(new Adaptation.Lora(8, 16, 0, List.of("q_proj", "k_proj", "v_proj", "o_proj")));
        assertThat(((Adaptation.Lora) Adaptation.lora(8, 16)).scaling()).isEqualTo(2.0);
        assertThat(Objective.parse(" simpo")).isEqualTo(Objective.SIMPO);
        assertThatThrownBy(() -> Objective.parse("ppo")).hasMessageContaining("objective must be one of sft, dpo");
        assertThat(Objective.PPM.valueHead()).isTrue();
        assertThat(Objective.LH.exampleType()).isEqualTo(AdvantageExample.class);
        assertThatThrownBy(() -> new StepMetrics(0, 10, 0, 1, 1e-5, 1, 1, 1, 1, 1, OptionalDouble.empty(), Map.of()))
                .hasMessageContaining("step must be in [1, totalSteps=10], was 0");
    }
}
