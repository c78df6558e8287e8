package dev.reason4j.lm.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingExample;
import java.util.ArrayList;
import java.util.List;

/**
 * LLaMA-Factory's Alpaca format (llamafactory.readthedocs.io, "Data Preparation"): {@code instruction}, optional
 * {@code input} (joined to the instruction with a newline, as LLaMA-Factory does), {@code output}, optional
 * {@code system} and {@code history} (a list of {@code [query, response]} pairs before this turn). Its preference
 * form has {@code chosen} and {@code rejected} strings instead of {@code output}.
 *
 * <p>The conversation is rendered by the model's chat template (LLaMA-Factory always applies one). For SFT every
 * response is trained, the history's too, as LLaMA-Factory does unless {@code mask_history} is set, and the
 * per-sample {@code weight} scales each one. For the length-harmonizing loss {@code weight} is the advantage of
 * {@code output} (O1-Pruner's own data used it so), and the history is context only.
 */
final class LlamaFactoryRecords {

    private final PromptLayout layout;
    private final ExampleTokenizer examples;

    LlamaFactoryRecords(PromptLayout layout, ExampleTokenizer examples) {
        this.layout = layout;
        this.examples = examples;
    }

    List<TrainingExample> supervised(JsonNode record, String source, Objective objective) {
        List<ChatMessage> context = context(record);
        String output = JsonFields.text(record, "output");
        if (objective == Objective.LH) {
            return examples.advantage(source, layout.chat(context), "output", output, JsonFields.advantage(record),
                    JsonFields.optionalNumber(record, "reference_mean_logprob")).stream().toList();
        }
        List<ChatMessage> conversation = new ArrayList<>(context);
        conversation.add(ChatMessage.assistant(output));
        int outputTurn = (int) conversation.stream().filter(m -> m.role().equals("assistant")).count() - 1;
        return TrlRecords.assistantTurns(layout, examples, source, conversation, JsonFields.weight(record),
                (turn, index) -> turn == outputTurn ? "output" : "history." + turn + ".1");
    }

    List<TrainingExample> preference(JsonNode record, String source) {
        return examples.preference(source, layout.chat(context(record)), JsonFields.text(record, "chosen"),
                JsonFields.text(record, "rejected")).stream().toList();
    }

    /** System message, history turns and the query, ending with the user's turn. */
    private static List<ChatMessage> context(JsonNode record) {
        List<ChatMessage> messages = new ArrayList<>();
        String system = JsonFields.optionalText(record, "system");
        if (!system.isEmpty()) {
            messages.add(ChatMessage.system(system));
        }
        if (JsonFields.has(record, "history")) {
            JsonNode history = record.get("history");
            if (!history.isArray()) {
                throw new BadField("history", "expected a list of [query, response] pairs");
            }
            for (int i = 0; i < history.size(); i++) {
                JsonNode pair = history.get(i);
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                    throw new BadField("history." + i, "expected a [query, response] pair of strings, got " + pair);
                }
                messages.add(ChatMessage.user(pair.get(0).textValue()));
                messages.add(ChatMessage.assistant(pair.get(1).textValue()));
            }
        }
        String instruction = JsonFields.text(record, "instruction");
        String input = JsonFields.optionalText(record, "input");
        messages.add(ChatMessage.user(input.isEmpty() ? instruction : instruction + "\n" + input));
        return messages;
    }
}
