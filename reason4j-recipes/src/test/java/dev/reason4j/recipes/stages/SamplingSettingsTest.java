package dev.reason4j.recipes.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.lm.SamplingParams;
import org.junit.jupiter.api.Test;

/** Each problem samples from its own seed; bad settings are refused with the field and the value. */
class SamplingSettingsTest {

    @Test
    void should_give_each_problem_its_own_seed_that_depends_only_on_the_run_seed_and_the_id() {
        SamplingSettings settings = new SamplingSettings(10, 1.0, 0.9, 512, 5);

        SamplingParams a = settings.params("gsm8k-17");

        assertThat(a.n()).isEqualTo(10);
        assertThat(a.temperature()).isEqualTo(1.0);
        assertThat(a.topP()).isEqualTo(0.9);
        assertThat(a.maxTokens()).isEqualTo(512);
        assertThat(a.skipSpecialTokens()).isTrue();
        assertThat(a.seed()).isEqualTo(settings.params("gsm8k-17").seed())
                .isNotEqualTo(settings.params("gsm8k-18").seed())
                .isNotEqualTo(new SamplingSettings(10, 1.0, 0.9, 512, 6).params("gsm8k-17").seed());
    }

    @Test
    void should_refuse_bad_settings_naming_the_field_and_value() {
        assertThatThrownBy(() -> new SamplingSettings(0, 1, 1, 10, 0)).hasMessage("samples must be >= 1, was 0");
        assertThatThrownBy(() -> new SamplingSettings(1, -0.5, 1, 10, 0))
                .hasMessage("temperature must be a finite number >= 0, was -0.5");
        assertThatThrownBy(() -> new SamplingSettings(1, 1, 0, 10, 0)).hasMessage("topP must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new SamplingSettings(1, 1, 1, 0, 0)).hasMessage("maxTokens must be >= 1, was 0");
    }
}
