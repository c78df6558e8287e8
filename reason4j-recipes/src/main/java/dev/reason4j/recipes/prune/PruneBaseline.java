package dev.reason4j.recipes.prune;

import java.util.Locale;

/** The baselines O1-Pruner is compared with, run in the same recipe; see {@link PruneRecipe}. */
public enum PruneBaseline {
    /** The reference model asked to solve quickly: a prompt, no training. */
    FAST_PROMPT("fast-prompt"),
    /** SFT on the two shortest correct pre-samples of each problem. */
    SFT("sft"),
    /** DPO with the shortest correct pre-sample chosen over the longest. */
    DPO("dpo");

    private final String wireName;

    PruneBaseline(String wireName) {
        this.wireName = wireName;
    }

    /** The name in options, directories and tables: {@code fast-prompt}, {@code sft}, {@code dpo}. */
    public String wireName() {
        return wireName;
    }

    /** The baseline named {@code name}, in any case. */
    public static PruneBaseline byName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PruneBaseline b : values()) {
            if (b.wireName.equals(key)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown baseline '" + name + "'; use fast-prompt, sft or dpo");
    }
}
