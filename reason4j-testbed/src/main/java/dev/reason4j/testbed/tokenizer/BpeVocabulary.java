package dev.reason4j.testbed.tokenizer;

import java.util.List;
import java.util.Objects;

/**
 * A trained byte-level BPE vocabulary.
 *
 * @param tokens every token in id order: the special tokens, the 256 byte symbols, then one per new merged token
 * @param specials how many of the first tokens are special tokens
 * @param merges the merges in rank order (the first learned is applied first); two merges may make the same token
 * @param trainingTokens how many tokens the training text takes with this vocabulary
 * @param trainingBytes how many UTF-8 bytes the training text has
 */
public record BpeVocabulary(List<String> tokens, int specials, List<Merge> merges, long trainingTokens, long trainingBytes) {

    /** One merge: two adjacent tokens, written in the byte-level alphabet, become one. */
    public record Merge(String left, String right) {
        public Merge {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    public BpeVocabulary {
        tokens = List.copyOf(tokens);
        merges = List.copyOf(merges);
        if (specials < 0 || specials > tokens.size()) {
            throw new IllegalArgumentException("specials must be in [0, " + tokens.size() + "], got " + specials);
        }
    }

    public int size() {
        return tokens.size();
    }

    /** Bytes of training text per token: how much the merges compress it (1.0 with bytes alone). */
    public double bytesPerToken() {
        return trainingTokens == 0 ? 0 : (double) trainingBytes / trainingTokens;
    }
}
