package dev.reason4j.core.metrics;

/**
 * Counts the tokens of a text. Real counts come from the model's own tokenizer (the app adapts the Hugging Face
 * tokenizer of {@code reason4j-lm}); {@link ApproximateTokenCounter} is a labelled fallback for when none is given.
 * Implementations are thread-safe.
 */
public interface TokenCounter {

    /** The number of tokens of {@code text}, without special tokens; 0 for the empty text. */
    int count(String text);

    /** What the counts are, for summaries: a tokenizer's name, or {@code approximate}. */
    String name();

    /** Whether the counts only approximate a real tokenizer's. */
    boolean approximate();
}
