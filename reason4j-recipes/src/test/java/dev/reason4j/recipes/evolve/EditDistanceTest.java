package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void should_count_insertions_deletions_and_substitutions() {
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("sitting", "kitten")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("flaw", "lawn")).isEqualTo(2);
        assertThat(EditDistance.between("same", "same")).isZero();
    }

    @Test
    void should_normalise_by_the_longer_text() {
        assertThat(EditDistance.normalized("kitten", "sitting")).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(EditDistance.normalized("", "")).isZero();
        assertThat(EditDistance.normalized("abc", "xyz")).isEqualTo(1.0);
    }
}
