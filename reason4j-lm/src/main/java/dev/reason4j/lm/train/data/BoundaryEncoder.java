package dev.reason4j.lm.train.data;

import dev.reason4j.lm.Tokenizer;
import java.util.Arrays;

/**
 * Tokenizes a prefix (a prompt) and its continuation (a reply or a step) so that the prefix's ids are exactly the
 * start of the sequence, which makes prompt masking exact at the token boundary.
 *
 * <p>How: the prefix is encoded alone (ids {@code p}) and together with the continuation (ids {@code w}). When
 * {@code p} is the start of {@code w}, the continuation's ids are the rest of {@code w}: the whole text tokenized in
 * one piece, as TRL does. This is the usual case, because chat templates end prompts with a special token or a
 * newline, which byte-level BPE does not merge with what follows. When a token of {@code w} straddles the boundary
 * (a prompt ending in a space, say), the continuation is encoded alone and appended to {@code p} instead, which is
 * the sequence a model prompted with {@code p} produces when it writes the continuation; such splits are counted.
 *
 * <p>Not thread-safe: it remembers the last prefix, which consecutive calls often share (the chosen and rejected
 * replies of one prompt, the candidate steps of one node).
 */
final class BoundaryEncoder {

    private final Tokenizer tokenizer;
    private String lastPrefix;
    private int[] lastPrefixIds;
    private long separatelyEncoded;

    BoundaryEncoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The ids of {@code prefix} alone. */
    int[] prefix(String prefix) {
        if (!prefix.equals(lastPrefix)) {
            lastPrefixIds = tokenizer.encode(prefix);
            lastPrefix = prefix;
        }
        return lastPrefixIds.clone();
    }

    /** The ids of {@code continuation} as it follows {@code prefix}, whose ids are {@link #prefix(String)}. */
    int[] continuation(String prefix, String continuation) {
        int[] prefixIds = prefix(prefix);
        int[] whole = tokenizer.encode(prefix + continuation);
        if (whole.length >= prefixIds.length
                && Arrays.equals(whole, 0, prefixIds.length, prefixIds, 0, prefixIds.length)) {
            return Arrays.copyOfRange(whole, prefixIds.length, whole.length);
        }
        separatelyEncoded++;
        return tokenizer.encode(continuation);
    }

    /** How many continuations were encoded on their own because a token straddled the boundary. */
    long separatelyEncoded() {
        return separatelyEncoded;
    }
}
