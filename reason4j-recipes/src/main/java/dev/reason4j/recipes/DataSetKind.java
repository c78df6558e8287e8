package dev.reason4j.recipes;

import java.util.Locale;

/**
 * The layouts of the recipes' training data, each one JSON object per line with {@code problem_id},
 * {@code question}, {@code prompt} and {@code source}, plus:
 * <ul>
 *   <li>{@link #SFT}: {@code completion} and {@code weight} (TRL prompt–completion);</li>
 *   <li>{@link #PREFERENCE}: {@code chosen} and {@code rejected} (TRL preference);</li>
 *   <li>{@link #STEP_PAIRS}: {@code prefix_steps}, {@code positive} and {@code negative} (lists of step texts) for
 *       the process preference model: the model scores {@code prompt + prefix_steps… + step}, all joined without
 *       separators since every step keeps its own;</li>
 *   <li>{@link #ADVANTAGE}: {@code completion} and {@code advantage} for the length-harmonizing loss.</li>
 * </ul>
 */
public enum DataSetKind {
    SFT,
    PREFERENCE,
    STEP_PAIRS,
    ADVANTAGE;

    /** The lower-case name used in files and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of a record, from the fields only that kind has.
     *
     * @throws RecipeInputException when the record has none of them
     */
    public static DataSetKind of(InputRecord.Fields f) {
        if (f.has("prefix_steps")) {
            return STEP_PAIRS;
        }
        if (f.has("chosen")) {
            return PREFERENCE;
        }
        if (f.has("advantage")) {
            return ADVANTAGE;
        }
        if (f.has("completion")) {
            return SFT;
        }
        throw f.error("completion", "missing: not a training record (expected 'completion', 'chosen', 'prefix_steps' "
                + "or 'advantage')");
    }
}
