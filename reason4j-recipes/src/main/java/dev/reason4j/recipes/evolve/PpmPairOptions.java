package dev.reason4j.recipes.evolve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link ProcessPreferencePairs} builds the process preference model's pairs.
 *
 * @param perSide positives and negatives taken per node (rStar-Math: 2, giving 2×2 pairs)
 * @param singleSideWidth how many candidates the other side may take when one side has a single candidate, so a node
 *     still gives up to this many pairs (default 4 = 2×2)
 * @param stepMargin every kept pair has {@code Q(positive) − Q(negative) > stepMargin} (mean Q for final-answer
 *     pairs); 0 keeps every pair whose positive has the strictly higher Q
 * @param minEditDistance every kept pair's texts differ by at least this normalised Levenshtein distance (edits
 *     divided by the longer text's length, in [0, 1]); 0 turns the filter off. Identical texts are never paired.
 * @param finalAnswerPairs also build rStar-Math's relaxed pairs of whole trajectories (correct, highest mean Q vs
 *     wrong, lowest mean Q), one record per tree
 * @param deadEndsAreWrong count a branch that ended without an answer as a wrong outcome; off by default, as the
 *     paper pairs steps by the answers they lead to
 */
public record PpmPairOptions(int perSide, int singleSideWidth, double stepMargin, double minEditDistance,
        boolean finalAnswerPairs, boolean deadEndsAreWrong) {

    public PpmPairOptions {
        if (perSide < 1) {
            throw new IllegalArgumentException("perSide must be >= 1, was " + perSide);
        }
        if (singleSideWidth < perSide) {
            throw new IllegalArgumentException("singleSideWidth must be >= perSide (" + perSide + "), was "
                    + singleSideWidth);
        }
        if (!(stepMargin >= 0) || Double.isInfinite(stepMargin)) {
            throw new IllegalArgumentException("stepMargin must be a finite number >= 0, was " + stepMargin);
        }
        if (!(minEditDistance >= 0 && minEditDistance <= 1)) {
            throw new IllegalArgumentException("minEditDistance must be in [0, 1], was " + minEditDistance);
        }
    }

    /** 2 per side, up to 4 against a single candidate, margin 0, no edit-distance filter, final-answer pairs on. */
    public static PpmPairOptions defaults() {
        return new PpmPairOptions(2, 4, 0, 0, true, false);
    }

    /** The options as recorded in a run's manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ppm_per_side", perSide);
        m.put("ppm_single_side_width", singleSideWidth);
        m.put("ppm_step_margin", stepMargin);
        m.put("ppm_min_edit_distance", minEditDistance);
        m.put("ppm_final_answer_pairs", finalAnswerPairs);
        m.put("ppm_dead_ends_are_wrong", deadEndsAreWrong);
        return m;
    }
}
