package dev.reason4j.recipes.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.data.LengthLimit;
import dev.reason4j.recipes.stages.SamplingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The baselines train with O1-Pruner's hyperparameters under their own objective; names as on the command line. */
class PruneRecipeSettingsTest {

    private static final SamplingSettings SAMPLING = new SamplingSettings(4, 1.0, 1.0, 64, 0);
    private static final SamplingSettings GREEDY = new SamplingSettings(1, 0, 1.0, 64, 0);

    @Test
    void prune_trains_lh_and_its_baselines_with_the_same_hyperparameters() {
        TrainingConfig lh = TrainingConfig.builder(Objective.LH, Path.of(".")).learningRate(3e-6).epochs(2).build();
        PruneRecipeSettings settings = new PruneRecipeSettings(SAMPLING, GREEDY, PruneOptions.defaults(),
                Set.of(PruneBaseline.DPO, PruneBaseline.FAST_PROMPT), lh, LengthLimit.none());

        TrainingConfig dpo = settings.training(Objective.DPO);

        assertThat(dpo.objective()).isEqualTo(Objective.DPO);
        assertThat(dpo.learningRate()).isEqualTo(3e-6);
        assertThat(dpo.epochs()).isEqualTo(2);
        assertThat(dpo.beta()).as("DPO's default β").isEqualTo(0.1);
        assertThat(settings.toConfig().get("baselines")).isEqualTo(List.of("fast-prompt", "dpo"));
        assertThatThrownBy(() -> new PruneRecipeSettings(SAMPLING, GREEDY, PruneOptions.defaults(), Set.of(),
                TrainingConfig.builder(Objective.SFT, Path.of(".")).build(), LengthLimit.none()))
                .hasMessage("training must be the length-harmonizing objective lh, was SFT");
    }

    @Test
    void baselines_are_named_as_on_the_command_line() {
        assertThat(PruneBaseline.byName("Fast_Prompt")).isEqualTo(PruneBaseline.FAST_PROMPT);
        assertThat(PruneBaseline.byName(" sft ")).isEqualTo(PruneBaseline.SFT);
        assertThatThrownBy(() -> PruneBaseline.byName("ppo"))
                .hasMessage("unknown baseline 'ppo'; use fast-prompt, sft or dpo");
    }
}
