package dev.reason4j.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PassAtKTest {

    /** 1 − C(n−c, k)/C(n, k) with the binomials multiplied out. */
    private static double byBinomials(int n, int c, int k) {
        return 1 - (double) MajorityAtK.binomial(n - c, k) / MajorityAtK.binomial(n, k);
    }

    @Test
    void should_match_the_binomial_form() {
        for (int n = 1; n <= 20; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    assertThat(PassAtK.estimate(n, c, k)).as("n=%d c=%d k=%d", n, c, k)
                            .isCloseTo(byBinomials(n, c, k), within(1e-12));
                }
            }
        }
    }

    @Test
    void should_be_the_share_correct_at_k_1_and_certain_when_every_draw_holds_a_correct_sample() {
        assertThat(PassAtK.estimate(10, 3, 1)).isCloseTo(0.3, within(1e-12));
        assertThat(PassAtK.estimate(10, 3, 8)).isEqualTo(1.0);
        assertThat(PassAtK.estimate(10, 0, 10)).isZero();
        assertThat(PassAtK.estimate(4, 2, 2)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void should_refuse_impossible_counts() {
        assertThatThrownBy(() -> PassAtK.estimate(4, 5, 1)).hasMessageContaining("n=4, c=5");
        assertThatThrownBy(() -> PassAtK.estimate(4, 1, 5)).hasMessageContaining("k=5");
        assertThatThrownBy(() -> PassAtK.estimate(4, 1, 0)).hasMessageContaining("k=0");
    }
}
