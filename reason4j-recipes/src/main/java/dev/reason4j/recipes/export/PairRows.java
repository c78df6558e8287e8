package dev.reason4j.recipes.export;

import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.StepPairsRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattens step pairs for tools that train on one (chosen, rejected) pair per row: each combination of a positive
 * and a negative becomes a preference record whose responses are the prefix steps followed by the step, so a reward
 * model scores the same text as the PPM does ({@code prompt + prefix + step}). A node with 2 positives and 2
 * negatives gives 4 rows; tools then weight each pair equally rather than each node.
 */
final class PairRows {

    private PairRows() {}

    static List<PreferenceRecord> flatten(StepPairsRecord r) {
        String prefix = String.join("", r.prefixSteps());
        List<PreferenceRecord> rows = new ArrayList<>(r.pairCount());
        for (int p = 0; p < r.positive().size(); p++) {
            for (int n = 0; n < r.negative().size(); n++) {
                rows.add(new PreferenceRecord(r.problemId(), r.question(), r.prompt(), prefix + r.positive().get(p),
                        prefix + r.negative().get(n), r.source() + "#" + p + "-" + n));
            }
        }
        return rows;
    }
}
