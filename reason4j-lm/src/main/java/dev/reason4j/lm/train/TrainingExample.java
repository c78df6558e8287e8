package dev.reason4j.lm.train;

/**
 * One tokenized training example, as data readers produce it and trainers consume it. Token ids are the model's
 * own; the prompt is already rendered (chat template applied) so trainers never see text.
 *
 * <p>Which kind an objective takes: {@link SequenceExample} for SFT and ORM, {@link PreferenceExample} for DPO, RPO
 * and SimPO, {@link AdvantageExample} for the length-harmonizing loss, {@link StepPairsExample} for the PPM pairwise
 * loss, {@link StepValueExample} for Q-value regression.
 */
public sealed interface TrainingExample
        permits SequenceExample, PreferenceExample, AdvantageExample, StepPairsExample, StepValueExample {

    /** Where the example came from ("data.jsonl:17"), for error messages and provenance. */
    String source();

    /** Token ids fed to the model for this example, all sequences together: the basis of tokens/s. */
    long tokenCount();

    static int[] requireTokens(int[] ids, String field, String source) {
        if (ids == null || ids.length == 0) {
            throw new IllegalArgumentException(source + ": " + field + " has no tokens");
        }
        return ids.clone();
    }
}
