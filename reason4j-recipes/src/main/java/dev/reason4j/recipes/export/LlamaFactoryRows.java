package dev.reason4j.recipes.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.recipes.AdvantageRecord;
import dev.reason4j.recipes.DataSetKind;
import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StepPairsRecord;
import dev.reason4j.recipes.TrainingRecord;
import java.util.List;

/**
 * Rows in LLaMA-Factory's alpaca layout, and their entries in {@code dataset_info.json}.
 *
 * <p>The question is the {@code instruction} (the user turn; LLaMA-Factory applies the model's template) with an
 * empty {@code input}. SFT rows are {@code {"instruction", "input", "output", "weight"}}; advantage samples are the
 * same with the advantage as {@code weight} (the per-sample weight of the length-harmonizing loss; stock
 * LLaMA-Factory does not read it, and the column is not declared in {@code dataset_info.json}, so it loads the
 * rows as plain SFT data); preference rows are {@code {"instruction", "input", "chosen", "rejected"}} with
 * {@code "ranking": true}, step pairs flattened into them ({@link PairRows}).
 */
final class LlamaFactoryRows {

    private LlamaFactoryRows() {}

    static List<ObjectNode> rows(TrainingRecord record, ObjectMapper mapper) {
        return switch (record) {
            case SftRecord r -> List.of(prompt(r, mapper).put("output", r.completion()).put("weight", r.weight()));
            case PreferenceRecord r -> List.of(preference(r, mapper));
            case StepPairsRecord r -> PairRows.flatten(r).stream().map(p -> preference(p, mapper)).toList();
            case AdvantageRecord r -> List.of(prompt(r, mapper).put("output", r.completion()).put("weight", r.advantage()));
        };
    }

    /** Whether the data set is preference data ({@code "ranking": true}). */
    static boolean ranking(DataSetKind kind) {
        return kind == DataSetKind.PREFERENCE || kind == DataSetKind.STEP_PAIRS;
    }

    /** The {@code dataset_info.json} entry of a data set of {@code kind} written to {@code fileName}. */
    static ObjectNode datasetInfo(String fileName, DataSetKind kind, ObjectMapper mapper) {
        ObjectNode entry = mapper.createObjectNode().put("file_name", fileName).put("formatting", "alpaca");
        if (ranking(kind)) {
            entry.put("ranking", true);
        }
        ObjectNode columns = entry.putObject("columns").put("prompt", "instruction").put("query", "input");
        if (ranking(kind)) {
            columns.put("chosen", "chosen").put("rejected", "rejected");
        } else {
            columns.put("response", "output");
        }
        return entry;
    }

    private static ObjectNode preference(PreferenceRecord r, ObjectMapper mapper) {
        return prompt(r, mapper).put("chosen", r.chosen()).put("rejected", r.rejected());
    }

    private static ObjectNode prompt(TrainingRecord r, ObjectMapper mapper) {
        return mapper.createObjectNode().put("instruction", r.question()).put("input", "");
    }
}
