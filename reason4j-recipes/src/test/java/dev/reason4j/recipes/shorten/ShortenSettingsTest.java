package dev.reason4j.recipes.shorten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.data.LengthLimit;
import dev.reason4j.recipes.stages.SamplingSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which data set each method trains on, and which methods the recipe takes. */
class ShortenSettingsTest {

    private static final SamplingSettings SAMPLING = new SamplingSettings(4, 1.0, 1.0, 64, 0);
    private static final SamplingSettings GREEDY = new SamplingSettings(1, 0, 1.0, 64, 0);

    @Test
    void shorten_trains_on_pairs_with_preference_methods_and_on_targets_with_sft() {
        ShortenSettings simpo = new ShortenSettings(SAMPLING, GREEDY, ShortTarget.GDS,
                TrainingConfig.builder(Objective.SIMPO, Path.of(".")).build(), LengthLimit.none());
        ShortenSettings sft = new ShortenSettings(SAMPLING, GREEDY, ShortTarget.FCS,
                TrainingConfig.builder(Objective.SFT, Path.of(".")).build(), LengthLimit.none());

        assertThat(simpo.dataSet()).isEqualTo("pairs_gds");
        assertThat(sft.dataSet()).isEqualTo("sft_fcs");
        assertThat(simpo.toConfig()).containsEntry("target", "gds").containsEntry("data_set", "pairs_gds");
        assertThatThrownBy(() -> new ShortenSettings(SAMPLING, GREEDY, ShortTarget.FCS,
                TrainingConfig.builder(Objective.LH, Path.of(".")).build(), LengthLimit.none()))
                .hasMessage("method must be simpo, dpo, rpo or sft, was lh");
    }
}
