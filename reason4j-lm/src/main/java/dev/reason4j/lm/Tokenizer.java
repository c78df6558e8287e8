package dev.reason4j.lm;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A model's own tokenizer: the only source of token counts. Implementations are thread-safe.
 *
 * <p>{@link #encode(String)} adds no special tokens: prompts carry their own markup, usually from
 * {@link #applyChatTemplate}.
 */
public interface Tokenizer extends AutoCloseable {

    /** Token ids of {@code text} with no special tokens added. */
    default int[] encode(String text) {
        return encode(text, false);
    }

    /** Token ids of {@code text}; with {@code addSpecialTokens} the tokenizer's post-processor adds BOS etc. */
    int[] encode(String text, boolean addSpecialTokens);

    /** Text of {@code ids}, special tokens included. */
    default String decode(int[] ids) {
        return decode(ids, false);
    }

    String decode(int[] ids, boolean skipSpecialTokens);

    /** The text one token decodes to on its own. */
    default String tokenText(int id) {
        return decode(new int[] {id}, false);
    }

    /** Id of a token written exactly as in the vocabulary (e.g. {@code <|im_end|>}), if there is one. */
    OptionalInt tokenId(String token);

    /** Tokens the tokenizer marks special (control tokens, chat markers), by content. */
    Set<String> specialTokens();

    /** Ids that end a sequence according to the tokenizer's configuration (may be empty). */
    Set<Integer> eosTokenIds();

    /** Whether {@link #applyChatTemplate} can render chats. */
    boolean hasChatTemplate();

    /**
     * Renders a chat with the model's template.
     *
     * @param addGenerationPrompt end with the opening of an assistant turn, ready to generate
     * @throws LanguageModelException when the model has no chat template or the template fails
     */
    String applyChatTemplate(List<ChatMessage> messages, boolean addGenerationPrompt);

    @Override
    void close();
}
