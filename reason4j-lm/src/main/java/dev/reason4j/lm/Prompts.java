package dev.reason4j.lm;

import java.util.Objects;

/** Turns a {@link Prompt} into the token ids a local model reads. */
public final class Prompts {

    private Prompts() {}

    /**
     * Text is tokenized as is, token ids pass through, chats are rendered by the tokenizer's chat template with the
     * assistant turn opened (the template writes any BOS, so no special tokens are added on top).
     */
    public static int[] encode(Prompt prompt, Tokenizer tokenizer) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        return switch (Objects.requireNonNull(prompt, "prompt")) {
            case Prompt.Text text -> tokenizer.encode(text.text());
            case Prompt.Tokens tokens -> tokens.toArray();
            case Prompt.Chat chat -> tokenizer.encode(tokenizer.applyChatTemplate(chat.messages(), true));
        };
    }
}
