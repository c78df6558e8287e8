package dev.reason4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyEfficiencyScoreTest {

    private final AccuracyEfficiencyScore aes = AccuracyEfficiencyScore.defaults();

    @Test
    void shorter_and_more_accurate_earns_alpha_dl_plus_beta_da() {
        // ΔL = (1000 - 600) / 1000 = 0.4, ΔA = (0.84 - 0.8) / 0.8 = 0.05, AES = 1·0.4 + 3·0.05 = 0.55
        AccuracyEfficiencyScore.Result r = aes.score(1000, 0.8, 600, 0.84);

        assertThat(r.lengthReduction()).isCloseTo(0.4, within(1e-12));
        assertThat(r.accuracyGain()).isCloseTo(0.05, within(1e-12));
        assertThat(r.score()).isCloseTo(0.55, within(1e-12));
    }

    @Test
    void an_accuracy_loss_costs_gamma_per_unit() {
        // ΔL = 0.4, ΔA = (0.76 - 0.8) / 0.8 = -0.05, AES = 0.4 - 5·0.05 = 0.15
        assertThat(aes.score(1000, 0.8, 600, 0.76).score()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void longer_responses_lower_the_score_and_weights_are_configurable() {
        // ΔL = (500 - 750) / 500 = -0.5, ΔA = 0, AES = 2·(-0.5) = -1
        assertThat(new AccuracyEfficiencyScore(2, 3, 5).score(500, 0.5, 750, 0.5).score()).isCloseTo(-1, within(1e-12));
    }

    @Test
    void rejects_baselines_that_leave_the_ratios_undefined_and_bad_weights() {
        assertThatThrownBy(() -> aes.score(0, 0.5, 10, 0.5)).hasMessageContaining("baseline mean length");
        assertThatThrownBy(() -> aes.score(100, 0, 10, 0.5)).hasMessageContaining("baseline accuracy");
        assertThatThrownBy(() -> aes.score(100, 0.5, -1, 0.5)).hasMessageContaining("mean length");
        assertThatThrownBy(() -> aes.score(100, 0.5, 10, 1.5)).hasMessageContaining("accuracy must be in [0, 1]");
        assertThatThrownBy(() -> new AccuracyEfficiencyScore(-1, 3, 5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new AccuracyEfficiencyScore(1, Double.NaN, 5)).hasMessageContaining("beta");
        assertThatThrownBy(() -> new AccuracyEfficiencyScore(1, 3, Double.POSITIVE_INFINITY)).hasMessageContaining("gamma");
    }
}
