package dev.reason4j.torch;

import dev.reason4j.lm.Tokenizer;
import java.util.Arrays;
import java.util.List;

/**
 * Watches one sequence's tokens for stop strings. The text is decoded from all tokens so far, so a stop string
 * split over several tokens (or inside a multi-byte character completed by a later token) is found; only the tail
 * that could hold a new match is searched.
 */
public final class StopMatcher {

    /** Matches nothing; for sequences without stop strings. */
    public static final StopMatcher NONE = new StopMatcher(null, List.of(), false);

    private final Tokenizer tokenizer;
    private final List<String> stops;
    private final boolean skipSpecialTokens;
    private final int longest;
    private int[] tokens = new int[16];
    private int count;
    private int searched;

    public StopMatcher(Tokenizer tokenizer, List<String> stops, boolean skipSpecialTokens) {
        this.tokenizer = tokenizer;
        this.stops = List.copyOf(stops);
        this.skipSpecialTokens = skipSpecialTokens;
        this.longest = stops.stream().mapToInt(String::length).max().orElse(0);
        if (!stops.isEmpty() && tokenizer == null) {
            throw new IllegalArgumentException("stop strings need a tokenizer");
        }
    }

    /** Adds a generated token; returns the stop string that now appears in the text, or null. */
    public String accept(int token) {
        if (stops.isEmpty()) {
            return null;
        }
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, count * 2);
        }
        tokens[count++] = token;
        String text = tokenizer.decode(Arrays.copyOf(tokens, count), skipSpecialTokens);
        // A replacement character at the end may become a real one later, so re-search a little before.
        StopStrings.Match match = StopStrings.first(text, stops, searched - longest - 2);
        searched = text.length();
        return match == null ? null : match.stop();
    }
}
