package dev.reason4j.lm.judge;

import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A language model asked questions about responses, with greedy decoding so that judgements are reproducible.
 * Counts its calls and the replies that could not be read, which callers report next to their results.
 */
public final class Judge {

    private static final String SYSTEM = "You are a careful grader of mathematical reasoning. Follow the output "
            + "format exactly.";

    private final LanguageModel model;
    private final SamplingParams params;
    private final int maxQuoteChars;
    private final LongAdder calls = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    /**
     * @param model any language model; chat models get a system and a user message, others the plain text
     * @param maxReplyTokens most tokens of one reply
     * @param maxQuoteChars longest piece of a response quoted in a prompt (the middle of longer pieces is cut)
     */
    public Judge(LanguageModel model, int maxReplyTokens, int maxQuoteChars) {
        this.model = Objects.requireNonNull(model, "model");
        if (maxReplyTokens < 1) {
            throw new IllegalArgumentException("maxReplyTokens must be >= 1, got " + maxReplyTokens);
        }
        if (maxQuoteChars < 20) {
            throw new IllegalArgumentException("maxQuoteChars must be >= 20, got " + maxQuoteChars);
        }
        this.params = SamplingParams.builder().temperature(0).maxTokens(maxReplyTokens).seed(0).build();
        this.maxQuoteChars = maxQuoteChars;
    }

    /** A judge with replies of up to 1,024 tokens and quotes of up to 2,000 characters. */
    public static Judge of(LanguageModel model) {
        return new Judge(model, 1024, 2000);
    }

    /**
     * The model's reply to {@code question}, or an empty string when the model refused or failed (a prompt longer
     * than its context, a server error after retries): the caller then falls back as for an unreadable reply.
     */
    String ask(String question) {
        calls.increment();
        Prompt prompt = model.info().can(ModelInfo.Capability.CHAT)
                ? Prompt.chat(ChatMessage.system(SYSTEM), ChatMessage.user(question))
                : Prompt.text(SYSTEM + "\n\n" + question + "\n\nReply:\n");
        try {
            return model.generate(prompt, params).first().text();
        } catch (LanguageModelException | IllegalArgumentException refused) {
            failed.increment();
            firstFailure.compareAndSet(null, refused.getMessage());
            return "";
        }
    }

    String quote(String text) {
        return JudgeReplies.excerpt(text, maxQuoteChars);
    }

    void countUnreadable() {
        unreadable.increment();
    }

    public String modelId() {
        return model.info().id();
    }

    /** Questions asked so far. */
    public long calls() {
        return calls.sum();
    }

    /**
     * Questions whose answer could not be used, where the caller fell back to its rule-based answer: replies that
     * did not follow the format, and {@link #failedCalls()}.
     */
    public long unreadableReplies() {
        return unreadable.sum();
    }

    /** Questions the model refused or failed to answer (counted in {@link #unreadableReplies()} too). */
    public long failedCalls() {
        return failed.sum();
    }

    /** The first failure's message, for the user. */
    public Optional<String> firstFailure() {
        return Optional.ofNullable(firstFailure.get());
    }
}
