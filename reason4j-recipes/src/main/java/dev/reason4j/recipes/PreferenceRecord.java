package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A preference example for DPO, RPO or SimPO: {@code chosen} is preferred to {@code rejected} after {@code prompt}. */
public record PreferenceRecord(String problemId, String question, String prompt, String chosen, String rejected,
        String source) implements TrainingRecord {

    public PreferenceRecord {
        TrainingRecord.requireCommon(problemId, question, prompt, source);
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rejected, "rejected");
    }

    @Override
    public DataSetKind kind() {
        return DataSetKind.PREFERENCE;
    }

    @Override
    public ObjectNode toJson(ObjectMapper mapper) {
        return TrainingRecord.common(this, mapper)
                .put("chosen", chosen)
                .put("rejected", rejected);
    }

    static PreferenceRecord read(InputRecord.Fields f) {
        return new PreferenceRecord(f.text("problem_id"), f.text("question"), f.text("prompt"), f.text("chosen"),
                f.text("rejected"), f.textOr("source", ""));
    }
}
