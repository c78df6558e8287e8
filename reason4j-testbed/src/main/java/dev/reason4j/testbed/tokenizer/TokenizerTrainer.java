package dev.reason4j.testbed.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Trains the project's tokenizer on text: pre-tokenizes it as the written {@code tokenizer.json} will
 * ({@link PreTokenizer}), counts the pieces and runs {@link BytePairEncoding} on them.
 */
public final class TokenizerTrainer {

    /** Smallest and largest vocabulary this trainer makes. */
    public static final int MIN_VOCAB = SpecialTokens.ALL.size() + 256;
    public static final int MAX_VOCAB = 65_536;

    private TokenizerTrainer() {}

    /**
     * @param texts the training text, one document per element
     * @param vocabSize wanted tokens in all, in [{@link #MIN_VOCAB}, {@link #MAX_VOCAB}]; the result is smaller when
     *     the text has too few repeated pairs
     */
    public static BpeVocabulary train(Iterable<String> texts, int vocabSize) {
        if (vocabSize < MIN_VOCAB || vocabSize > MAX_VOCAB) {
            throw new IllegalArgumentException("vocab size must be in [" + MIN_VOCAB + ", " + MAX_VOCAB + "], got " + vocabSize);
        }
        PreTokenizer preTokenizer = new PreTokenizer(SpecialTokens.ALL);
        Map<String, Long> pieces = new HashMap<>();
        long[] specials = {0};
        long bytes = 0;
        for (String text : texts) {
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            preTokenizer.split(text, piece -> pieces.merge(piece, 1L, Long::sum), special -> specials[0]++);
        }
        return BytePairEncoding.train(pieces, SpecialTokens.ALL, specials[0], vocabSize, bytes);
    }
}
