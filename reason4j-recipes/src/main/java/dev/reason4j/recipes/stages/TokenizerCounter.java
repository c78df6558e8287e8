package dev.reason4j.recipes.stages;

import dev.reason4j.core.metrics.TokenCounter;
import dev.reason4j.lm.Tokenizer;
import java.util.Objects;

/**
 * Token counts from a model's own tokenizer, without special tokens, for the analysis of sampled responses.
 *
 * @param tokenizer the model's tokenizer (thread-safe)
 * @param name what the counts are, e.g. {@code tokenizer.json sha256:…}, so runs compare lengths only when they
 *     counted with the same tokenizer
 */
public record TokenizerCounter(Tokenizer tokenizer, String name) implements TokenCounter {

    public TokenizerCounter {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : tokenizer.encode(text, false).length;
    }

    @Override
    public boolean approximate() {
        return false;
    }
}
