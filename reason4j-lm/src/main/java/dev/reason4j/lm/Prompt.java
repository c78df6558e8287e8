package dev.reason4j.lm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a model continues: plain text (tokenized by the model, no special tokens added), token ids (what tree search
 * passes to reuse a shared prefix exactly), or chat messages (rendered by the model's chat template with the
 * assistant turn opened).
 */
public sealed interface Prompt permits Prompt.Text, Prompt.Tokens, Prompt.Chat {

    static Prompt text(String text) {
        return new Text(text);
    }

    static Prompt tokens(int... ids) {
        return new Tokens(Arrays.stream(ids).boxed().toList());
    }

    static Prompt tokens(List<Integer> ids) {
        return new Tokens(ids);
    }

    static Prompt chat(List<ChatMessage> messages) {
        return new Chat(messages);
    }

    static Prompt chat(ChatMessage... messages) {
        return new Chat(List.of(messages));
    }

    /** Text tokenized as is: the caller writes any BOS or chat markup it wants. */
    record Text(String text) implements Prompt {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Token ids of the model's vocabulary. */
    record Tokens(List<Integer> ids) implements Prompt {
        public Tokens {
            ids = List.copyOf(ids);
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) < 0) {
                    throw new IllegalArgumentException("ids[" + i + "] must be >= 0, was " + ids.get(i));
                }
            }
        }

        public int[] toArray() {
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Messages for the chat template; the prompt ends where the assistant's answer begins. */
    record Chat(List<ChatMessage> messages) implements Prompt {
        public Chat {
            messages = List.copyOf(messages);
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("messages must not be empty");
            }
        }
    }
}
