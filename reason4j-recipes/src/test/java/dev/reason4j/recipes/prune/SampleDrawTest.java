package dev.reason4j.recipes.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleDrawTest {

    @Test
    void should_take_every_sample_when_there_are_at_most_m() {
        assertThat(SampleDraw.draw("p", 3, 4, 1)).containsExactly(0, 1, 2);
        assertThat(SampleDraw.draw("p", 4, 4, 1)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void should_draw_m_distinct_samples_that_depend_only_on_the_seed_and_the_problem() {
        List<Integer> drawn = SampleDraw.draw("p", 16, 4, 42);

        assertThat(drawn).hasSize(4).doesNotHaveDuplicates().isSorted().allSatisfy(i -> assertThat(i).isBetween(0, 15));
        assertThat(SampleDraw.draw("p", 16, 4, 42)).isEqualTo(drawn);
        Set<List<Integer>> bySeed = new HashSet<>();
        Set<List<Integer>> byProblem = new HashSet<>();
        for (int s = 0; s < 8; s++) {
            bySeed.add(SampleDraw.draw("p", 16, 4, s));
            byProblem.add(SampleDraw.draw("p" + s, 16, 4, 42));
        }
        assertThat(bySeed).as("1820 possible draws; 8 seeds all agreeing would mean the seed is ignored").hasSizeGreaterThan(1);
        assertThat(byProblem).hasSizeGreaterThan(1);
    }
}
