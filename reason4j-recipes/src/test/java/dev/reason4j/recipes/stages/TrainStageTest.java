package dev.reason4j.recipes.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a training stage's manifest records of its configuration. */
class TrainStageTest {

    @Test
    void a_training_configuration_is_recorded_without_its_output_directory_and_with_its_adapters() {
        TrainingConfig config = TrainingConfig.builder(Objective.SIMPO, Path.of("/somewhere"))
                .adaptation(new Adaptation.Lora(8, 16, 0, List.of("q_proj", "v_proj"))).build();

        Map<String, Object> described = TrainStage.describe(config);

        assertThat(described).doesNotContainKey("outputDir").containsEntry("objective", Objective.SIMPO)
                .containsEntry("beta", 2.0);
        assertThat(described.get("adaptation")).isEqualTo(Map.of("type", "Lora", "rank", 8, "alpha", 16.0,
                "dropout", 0.0, "targetModules", List.of("q_proj", "v_proj")));
    }
}
