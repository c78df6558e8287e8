package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A supervised fine-tuning example: train on {@code completion} after {@code prompt}.
 *
 * @param weight scales the example's loss (LLaMA-Factory's per-sample {@code weight}); 1 for plain SFT
 */
public record SftRecord(String problemId, String question, String prompt, String completion, double weight,
        String source) implements TrainingRecord {

    public SftRecord {
        TrainingRecord.requireCommon(problemId, question, prompt, source);
        Objects.requireNonNull(completion, "completion");
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight must be a finite number >= 0, was " + weight);
        }
    }

    /** An example of weight 1. */
    public SftRecord(String problemId, String question, String prompt, String completion, String source) {
        this(problemId, question, prompt, completion, 1.0, source);
    }

    @Override
    public DataSetKind kind() {
        return DataSetKind.SFT;
    }

    @Override
    public ObjectNode toJson(ObjectMapper mapper) {
        return TrainingRecord.common(this, mapper)
                .put("completion", completion)
                .put("weight", weight);
    }

    static SftRecord read(InputRecord.Fields f) {
        double weight = f.has("weight") ? f.number("weight") : 1.0;
        if (weight < 0) {
            throw f.error("weight", "must be >= 0, was " + weight);
        }
        return new SftRecord(f.text("problem_id"), f.text("question"), f.text("prompt"), f.text("completion"), weight,
                f.textOr("source", ""));
    }
}
