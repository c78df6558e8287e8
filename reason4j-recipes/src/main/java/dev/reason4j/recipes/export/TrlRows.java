package dev.reason4j.recipes.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.recipes.AdvantageRecord;
import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StepPairsRecord;
import dev.reason4j.recipes.TrainingRecord;
import java.util.List;

/**
 * Rows in the dataset layouts of Hugging Face TRL.
 *
 * <p><b>Standard</b> (strings, the prompt is the exact text the model continued): SFT as
 * {@code {"prompt", "completion"}} (prompt–completion, loss on the completion only); preference as
 * {@code {"prompt", "chosen", "rejected"}} (explicit prompt); step pairs flattened into preference rows
 * ({@link PairRows}); advantage samples as prompt–completion with an extra {@code advantage} column, which TRL's
 * own trainers ignore and the length-harmonizing trainer reads.
 *
 * <p><b>Conversational</b> (the question as the user turn, so the trainer applies the model's chat template): SFT
 * and advantage samples as {@code {"messages": [{"role": "user", …}, {"role": "assistant", …}]}}; preference as
 * {@code {"prompt": [user message], "chosen": [assistant message], "rejected": [assistant message]}}.
 *
 * <p>Every row keeps {@code problem_id} and {@code source} so a row can be traced back.
 */
final class TrlRows {

    private TrlRows() {}

    static List<ObjectNode> standard(TrainingRecord record, ObjectMapper mapper) {
        return switch (record) {
            case SftRecord r -> List.of(row(r, mapper).put("prompt", r.prompt()).put("completion", r.completion()));
            case PreferenceRecord r -> List.of(preference(r, mapper));
            case StepPairsRecord r -> PairRows.flatten(r).stream().map(p -> preference(p, mapper)).toList();
            case AdvantageRecord r -> List.of(row(r, mapper).put("prompt", r.prompt()).put("completion", r.completion())
                    .put("advantage", r.advantage()));
        };
    }

    static List<ObjectNode> conversational(TrainingRecord record, ObjectMapper mapper) {
        return switch (record) {
            case SftRecord r -> List.of(messages(r, r.completion(), mapper));
            case PreferenceRecord r -> List.of(conversationalPreference(r, mapper));
            case StepPairsRecord r -> PairRows.flatten(r).stream().map(p -> conversationalPreference(p, mapper)).toList();
            case AdvantageRecord r -> List.of(messages(r, r.completion(), mapper).put("advantage", r.advantage()));
        };
    }

    private static ObjectNode preference(PreferenceRecord r, ObjectMapper mapper) {
        return row(r, mapper).put("prompt", r.prompt()).put("chosen", r.chosen()).put("rejected", r.rejected());
    }

    private static ObjectNode messages(TrainingRecord r, String answer, ObjectMapper mapper) {
        ObjectNode row = row(r, mapper);
        ArrayNode messages = row.putArray("messages");
        messages.add(message("user", r.question(), mapper));
        messages.add(message("assistant", answer, mapper));
        return row;
    }

    private static ObjectNode conversationalPreference(PreferenceRecord r, ObjectMapper mapper) {
        ObjectNode row = row(r, mapper);
        row.putArray("prompt").add(message("user", r.question(), mapper));
        row.putArray("chosen").add(message("assistant", r.chosen(), mapper));
        row.putArray("rejected").add(message("assistant", r.rejected(), mapper));
        return row;
    }

    private static ObjectNode message(String role, String content, ObjectMapper mapper) {
        return mapper.createObjectNode().put("role", role).put("content", content);
    }

    private static ObjectNode row(TrainingRecord r, ObjectMapper mapper) {
        return mapper.createObjectNode().put("problem_id", r.problemId()).put("source", r.source());
    }
}
