package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One example of a recipe's training data, as text: what the recipes write, users inspect, the exporters convert
 * and the training readers of {@code dev.reason4j.lm.train} tokenize. Every record carries the problem it came from,
 * the problem's {@code question} (the user turn of conversational formats) and the {@code prompt} (the exact text
 * the model continued: the rendered prompt of a search tree, or the one {@link PromptRendering} rebuilds for sampled
 * responses), and a {@code source} naming where in the recipe's input it came from.
 *
 * <p>Field names follow TRL where TRL has one ({@code prompt}, {@code completion}, {@code chosen},
 * {@code rejected}), so a recipe's own files already load as TRL data; see {@link DataSetKind} for each layout.
 */
public sealed interface TrainingRecord permits SftRecord, PreferenceRecord, StepPairsRecord, AdvantageRecord {

    String problemId();

    String question();

    String prompt();

    String source();

    DataSetKind kind();

    /** The record as one JSON object. */
    ObjectNode toJson(ObjectMapper mapper);

    /**
     * Reads a record of any kind, recognised by its fields (see {@link DataSetKind#of}).
     *
     * @throws RecipeInputException naming the field that is missing or malformed
     */
    static TrainingRecord read(InputRecord.Fields f) {
        return switch (DataSetKind.of(f)) {
            case SFT -> SftRecord.read(f);
            case PREFERENCE -> PreferenceRecord.read(f);
            case STEP_PAIRS -> StepPairsRecord.read(f);
            case ADVANTAGE -> AdvantageRecord.read(f);
        };
    }

    /** Writes the fields every record has; the record's own fields follow. */
    static ObjectNode common(TrainingRecord r, ObjectMapper mapper) {
        return mapper.createObjectNode()
                .put("problem_id", r.problemId())
                .put("question", r.question())
                .put("prompt", r.prompt())
                .put("source", r.source());
    }

    /** Checks the fields every record has. */
    static void requireCommon(String problemId, String question, String prompt, String source) {
        Objects.requireNonNull(problemId, "problemId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(source, "source");
    }
}
