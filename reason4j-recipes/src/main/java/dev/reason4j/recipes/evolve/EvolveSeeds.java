package dev.reason4j.recipes.evolve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seeds of a self-evolution run. Round {@code r} searches with seed {@code search + r − 1} (each problem's
 * streams are split from it by the problem's id), so rounds do not repeat each other's samples; every training run
 * uses {@code training} (data order, value-head initialisation); evaluation uses {@code eval}.
 */
public record EvolveSeeds(long search, long training, long eval) {

    /** The synthesis seed of round {@code round} (1-based). */
    public long searchSeed(int round) {
        return search + round - 1;
    }

    /** The seeds as recorded in a run's manifest. */
    public Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("search", search);
        m.put("training", training);
        m.put("eval", eval);
        return m;
    }
}
