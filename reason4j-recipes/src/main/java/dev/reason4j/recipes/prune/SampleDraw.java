package dev.reason4j.recipes.prune;

import dev.reason4j.recipes.stages.ProblemSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Draws the m pre-samples of a problem the trainer sees: uniformly at random without replacement, from a stream
 * seeded by the run's seed and the problem's id alone, so the draw does not depend on the order problems are
 * processed in or on whether the run was resumed.
 */
final class SampleDraw {

    private SampleDraw() {}

    /** The indices of {@code m} of {@code size} samples (all when {@code size <= m}), ascending. */
    static List<Integer> draw(String problemId, int size, int m, long seed) {
        if (size <= m) {
            return IntStream.range(0, size).boxed().toList();
        }
        SplittableRandom random = new SplittableRandom(ProblemSeed.of(seed, problemId));
        int[] order = IntStream.range(0, size).toArray();
        for (int i = 0; i < m; i++) { // partial Fisher–Yates: the first m slots are a uniform draw
            int j = i + random.nextInt(size - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<Integer> drawn = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            drawn.add(order[i]);
        }
        drawn.sort(null);
        return drawn;
    }
}
