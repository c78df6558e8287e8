package dev.reason4j.lm.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * TRL's dataset formats (huggingface.co/docs/trl/dataset_formats), standard (strings) and conversational (lists of
 * {@code {"role", "content"}} messages):
 * <ul>
 *   <li>language modeling {@code {"messages": [...]}}: SFT on every assistant message, each with the conversation
 *       before it as its prompt, so only assistant turns are trained;
 *   <li>prompt-completion {@code {"prompt", "completion"}}: SFT; with {@code "label"} (TRL's unpaired preference)
 *       an outcome-reward example; with {@code "advantage"} or {@code "weight"} a length-harmonizing example;
 *   <li>preference {@code {"prompt", "chosen", "rejected"}}; in the conversational form the prompt may be left
 *       implicit, as the messages {@code chosen} and {@code rejected} start with alike.
 * </ul>
 * An optional {@code weight} scales an SFT example's loss.
 */
final class TrlRecords {

    private final PromptLayout layout;
    private final ExampleTokenizer examples;

    TrlRecords(PromptLayout layout, ExampleTokenizer examples) {
        this.layout = layout;
        this.examples = examples;
    }

    List<TrainingExample> messages(JsonNode record, String source) {
        List<ChatMessage> messages = JsonFields.messages(record, "messages");
        if (messages.stream().noneMatch(m -> m.role().equals("assistant"))) {
            throw new BadField("messages", "has no assistant message to train on");
        }
        return assistantTurns(layout, examples, source, messages, JsonFields.weight(record),
                (turn, index) -> "messages." + index + ".content");
    }

    /**
     * SFT examples for every assistant message of {@code conversation}, each prompted with the messages before it;
     * sources get {@code #turn} when there are several.
     *
     * @param field names the field of a reply for errors, from its turn (0-based) and its message index
     */
    static List<TrainingExample> assistantTurns(PromptLayout layout, ExampleTokenizer examples, String source,
            List<ChatMessage> conversation, double weight, BiFunction<Integer, Integer, String> field) {
        List<Integer> replies = new ArrayList<>();
        for (int i = 0; i < conversation.size(); i++) {
            if (conversation.get(i).role().equals("assistant")) {
                replies.add(i);
            }
        }
        List<TrainingExample> out = new ArrayList<>();
        for (int turn = 0; turn < replies.size(); turn++) {
            int i = replies.get(turn);
            String turnSource = replies.size() == 1 ? source : source + "#" + (turn + 1);
            examples.sequence(turnSource, layout.chat(conversation.subList(0, i)), field.apply(turn, i),
                    conversation.get(i).content(), weight, Double.NaN).ifPresent(out::add);
        }
        return out;
    }

    List<TrainingExample> completion(JsonNode record, String source, Objective objective) {
        PromptLayout.Prompted prompt = JsonFields.prompt(record, "prompt", layout);
        String completion = JsonFields.reply(record, "completion");
        Optional<TrainingExample> example = switch (objective) {
            case SFT -> examples.sequence(source, prompt, "completion", completion, JsonFields.weight(record),
                    Double.NaN);
            case ORM -> examples.sequence(source, prompt, "completion", completion, 1,
                    JsonFields.label(record, "label"));
            case LH -> examples.advantage(source, prompt, "completion", completion,
                    JsonFields.advantage(record), JsonFields.optionalNumber(record, "reference_mean_logprob"));
            default -> throw new IllegalStateException("prompt-completion records hold no " + objective + " examples");
        };
        return example.stream().toList();
    }

    List<TrainingExample> preference(JsonNode record, String source) {
        if (JsonFields.has(record, "prompt")) {
            return examples.preference(source, JsonFields.prompt(record, "prompt", layout),
                    JsonFields.reply(record, "chosen"), JsonFields.reply(record, "rejected")).stream().toList();
        }
        return implicitPromptPreference(record, source);
    }

    /** TRL's implicit prompt: the messages chosen and rejected share, each followed by one assistant reply. */
    private List<TrainingExample> implicitPromptPreference(JsonNode record, String source) {
        if (!JsonFields.isList(record, "chosen")) {
            throw new BadField("prompt", "missing (only conversations may leave the prompt implicit)");
        }
        List<ChatMessage> chosen = JsonFields.messages(record, "chosen");
        List<ChatMessage> rejected = JsonFields.messages(record, "rejected");
        int shared = 0;
        while (shared < Math.min(chosen.size(), rejected.size()) && chosen.get(shared).equals(rejected.get(shared))) {
            shared++;
        }
        String chosenReply = lastReply(chosen, shared, "chosen");
        String rejectedReply = lastReply(rejected, shared, "rejected");
        return examples.preference(source, layout.chat(chosen.subList(0, shared)), chosenReply, rejectedReply)
                .stream().toList();
    }

    private static String lastReply(List<ChatMessage> conversation, int shared, String field) {
        if (shared != conversation.size() - 1 || !conversation.getLast().role().equals("assistant")) {
            throw new BadField(field, "with no 'prompt', chosen and rejected must be the same conversation up to "
                    + "one final assistant message each; they share " + shared + " of " + conversation.size()
                    + " messages");
        }
        return conversation.getLast().content();
    }
}
