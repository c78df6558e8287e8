package dev.reason4j.search.protocol;

import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a question into the text the first step continues: either a plain template with a {@code {question}}
 * placeholder, or the model's chat template with the question as the user message (and an optional system message)
 * followed by an optional opening of the assistant's answer.
 */
public sealed interface PromptTemplate {

    /** The prompt text for {@code question}; {@code tokenizer} is needed by chat templates. */
    String render(String question, Optional<Tokenizer> tokenizer);

    /**
     * A plain template.
     *
     * @throws IllegalArgumentException when {@code template} has no {@code {question}} placeholder
     */
    static PromptTemplate text(String template) {
        return new Text(template);
    }

    /** The model's chat template; {@code system} and {@code assistantPrefix} may be empty. */
    static PromptTemplate chat(String system, String assistantPrefix) {
        return new Chat(system, assistantPrefix);
    }

    /** A plain template with a {@code {question}} placeholder. */
    record Text(String template) implements PromptTemplate {
        public static final String PLACEHOLDER = "{question}";

        public Text {
            Objects.requireNonNull(template, "template");
            if (!template.contains(PLACEHOLDER)) {
                throw new IllegalArgumentException("prompt template must contain " + PLACEHOLDER + ", was '" + template + "'");
            }
        }

        @Override
        public String render(String question, Optional<Tokenizer> tokenizer) {
            return template.replace(PLACEHOLDER, question);
        }
    }

    /** The model's chat template, then {@code assistantPrefix}. */
    record Chat(String system, String assistantPrefix) implements PromptTemplate {
        public Chat {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(assistantPrefix, "assistantPrefix");
        }

        @Override
        public String render(String question, Optional<Tokenizer> tokenizer) {
            Tokenizer t = tokenizer.filter(Tokenizer::hasChatTemplate).orElseThrow(() -> new IllegalArgumentException(
                    "a chat prompt needs the model's own tokenizer with a chat template; use a text template instead"));
            List<ChatMessage> messages = new ArrayList<>();
            if (!system.isEmpty()) {
                messages.add(ChatMessage.system(system));
            }
            messages.add(ChatMessage.user(question));
            return t.applyChatTemplate(messages, true) + assistantPrefix;
        }
    }
}
