package dev.reason4j.recipes.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZScoreTest {

    @Test
    void should_standardise_by_the_mean_and_population_deviation() {
        ZScore z = new ZScore();
        for (double v : new double[] {1, 2, 3, 4}) {
            z.add(v);
        }

        assertThat(z.mean()).isEqualTo(2.5);
        assertThat(z.deviation()).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(z.of(1)).isCloseTo(-1.5 / Math.sqrt(1.25), within(1e-12));
        assertThat(z.of(2.5)).isZero();
    }

    @Test
    void should_give_zero_when_every_value_is_equal() {
        ZScore z = new ZScore();
        z.add(3);
        z.add(3);

        assertThat(z.deviation()).isZero();
        assertThat(z.of(3)).isZero();
        assertThat(new ZScore().of(1)).isZero();
    }
}
