package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A pre-sampled response with its advantage for the length-harmonizing loss of O1-Pruner (Luo et al.,
 * arXiv:2501.12570); see {@link dev.reason4j.recipes.prune.LengthHarmonizingWeights}.
 *
 * @param advantage the weight the trainer uses (after clipping and normalisation over the data set)
 * @param rawWeight the sample's weight before normalisation (after clipping), kept for inspection
 */
public record AdvantageRecord(String problemId, String question, String prompt, String completion, double advantage,
        double rawWeight, String source) implements TrainingRecord {

    public AdvantageRecord {
        TrainingRecord.requireCommon(problemId, question, prompt, source);
        Objects.requireNonNull(completion, "completion");
        if (!Double.isFinite(advantage)) {
            throw new IllegalArgumentException("advantage must be finite, was " + advantage);
        }
        if (!Double.isFinite(rawWeight)) {
            throw new IllegalArgumentException("rawWeight must be finite, was " + rawWeight);
        }
    }

    /** The same sample with another advantage. */
    public AdvantageRecord withAdvantage(double value) {
        return new AdvantageRecord(problemId, question, prompt, completion, value, rawWeight, source);
    }

    @Override
    public DataSetKind kind() {
        return DataSetKind.ADVANTAGE;
    }

    @Override
    public ObjectNode toJson(ObjectMapper mapper) {
        return TrainingRecord.common(this, mapper)
                .put("completion", completion)
                .put("advantage", advantage)
                .put("raw_weight", rawWeight);
    }

    static AdvantageRecord read(InputRecord.Fields f) {
        double advantage = f.number("advantage");
        return new AdvantageRecord(f.text("problem_id"), f.text("question"), f.text("prompt"), f.text("completion"),
                advantage, f.has("raw_weight") ? f.number("raw_weight") : advantage, f.textOr("source", ""));
    }
}
