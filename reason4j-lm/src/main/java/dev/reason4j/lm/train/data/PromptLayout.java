package dev.reason4j.lm.train.data;

import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How prompts and replies become the text a model is trained on.
 *
 * <ul>
 *   <li><b>Conversations</b> (lists of messages) go through the tokenizer's chat template when it has one: the prompt
 *       is the context rendered with the assistant turn opened ({@code add_generation_prompt}), and a reply is what
 *       the full conversation, rendered with the reply as its last assistant message, adds after that prompt (so it
 *       ends with the template's end-of-turn marker, e.g. {@code <|im_end|>\n}). A template whose prompt is not a
 *       prefix of the full conversation cannot be masked and is refused with the offset where they differ.
 *   <li>Without a chat template conversations use this <b>plain layout</b>, each message a block
 *       <pre>{@code
 * ### System:
 * {content}
 *
 * ### User:
 * {content}
 *
 * ### Assistant:
 * {content}{eos}
 *
 * }</pre>
 *       where {@code {eos}} is the tokenizer's end-of-sequence token (nothing when it has none) and the prompt ends
 *       with {@code ### Assistant:\n}; other roles are written capitalised the same way.
 *   <li><b>Plain strings</b> (TRL's standard form) are used as written, as TRL does: the prompt is the string and a
 *       reply is its text followed by the end-of-sequence token.
 * </ul>
 */
public final class PromptLayout {

    private final Tokenizer tokenizer;
    private final boolean useTemplate;
    private final String eos;

    private PromptLayout(Tokenizer tokenizer, boolean useTemplate, String eos) {
        this.tokenizer = tokenizer;
        this.useTemplate = useTemplate;
        this.eos = eos;
    }

    /** The chat template of {@code tokenizer} when it has one, else the plain layout. */
    public static PromptLayout of(Tokenizer tokenizer) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        return new PromptLayout(tokenizer, tokenizer.hasChatTemplate(), eosText(tokenizer));
    }

    /** Whether conversations go through the tokenizer's chat template. */
    public boolean usesChatTemplate() {
        return useTemplate;
    }

    /** A conversation's context as a prompt that ends where the assistant's reply begins. */
    public Prompted chat(List<ChatMessage> context) {
        List<ChatMessage> messages = List.copyOf(context);
        if (!useTemplate) {
            return new Prompted(plainText(messages) + "### Assistant:\n", reply -> reply + eos);
        }
        String prompt = tokenizer.applyChatTemplate(messages, true);
        return new Prompted(prompt, reply -> templateReply(messages, prompt, reply));
    }

    /** A prompt written out already (TRL's standard form): used as is; replies end with end-of-sequence. */
    public Prompted text(String prompt) {
        Objects.requireNonNull(prompt, "prompt");
        return new Prompted(prompt, reply -> reply + eos);
    }

    private String templateReply(List<ChatMessage> context, String prompt, String reply) {
        List<ChatMessage> conversation = new ArrayList<>(context);
        conversation.add(ChatMessage.assistant(reply));
        String full = tokenizer.applyChatTemplate(conversation, false);
        if (!full.startsWith(prompt)) {
            int at = 0;
            while (at < Math.min(full.length(), prompt.length()) && full.charAt(at) == prompt.charAt(at)) {
                at++;
            }
            throw new LanguageModelException("the chat template renders the prompt differently from the start of "
                    + "the conversation (they differ at character " + at + "), so the reply cannot be masked");
        }
        return full.substring(prompt.length());
    }

    private String plainText(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : messages) {
            String role = message.role();
            text.append("### ").append(role.substring(0, 1).toUpperCase(Locale.ROOT)).append(role.substring(1))
                    .append(":\n").append(message.content());
            if (role.equals("assistant")) {
                text.append(eos);
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    /** The text of the tokenizer's end-of-sequence token (the lowest id when it names several), or "". */
    private static String eosText(Tokenizer tokenizer) {
        return tokenizer.eosTokenIds().stream().min(Integer::compare).map(tokenizer::tokenText).orElse("");
    }

    /**
     * A prompt as text, and how a reply to it continues that text.
     *
     * @param text the prompt, ending where the reply begins
     * @param replyLayout turns a reply's content into the text that follows the prompt
     */
    public record Prompted(String text, UnaryOperator<String> replyLayout) {

        public Prompted {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(replyLayout, "replyLayout");
        }

        /** The text that follows the prompt when {@code content} is the reply. */
        public String reply(String content) {
            return replyLayout.apply(content);
        }
    }
}
