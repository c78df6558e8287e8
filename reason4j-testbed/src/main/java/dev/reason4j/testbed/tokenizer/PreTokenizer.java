package dev.reason4j.testbed.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into the pieces BPE merges within, exactly as the {@code tokenizer.json} this package writes tells
 * Hugging Face tokenizers to: special tokens are taken out whole first, and the text between them is split with
 * Qwen2's regular expression ({@code Split}, behaviour {@code Isolated}) and written in the byte-level alphabet.
 * Qwen2's pattern keeps every digit a piece of its own, so numbers are never merged into multi-digit tokens,
 * which makes arithmetic easier to learn for a small model.
 */
final class PreTokenizer {

    /** Qwen2's pre-tokenizer pattern, as it stands in its tokenizer.json. */
    static final String PATTERN =
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+"
                    + "|\\s+(?!\\S)|\\s+";

    private static final Pattern PIECE = Pattern.compile(PATTERN, Pattern.UNICODE_CHARACTER_CLASS);

    private final List<String> specials;

    PreTokenizer(List<String> specials) {
        this.specials = List.copyOf(specials);
    }

    /**
     * Hands each piece of {@code text} to {@code pieces} (in the byte-level alphabet) and each special token to
     * {@code special}, in order.
     */
    void split(String text, Consumer<String> pieces, Consumer<String> special) {
        int from = 0;
        while (from < text.length()) {
            int next = text.length();
            String found = null;
            for (String s : specials) {
                int at = text.indexOf(s, from);
                if (at >= 0 && (at < next || at == next && found != null && s.length() > found.length())) {
                    next = at;
                    found = s;
                }
            }
            splitPlain(text.substring(from, next), pieces);
            if (found == null) {
                return;
            }
            special.accept(found);
            from = next + found.length();
        }
    }

    /** The byte-level pieces of {@code text}, special tokens left out. */
    List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        split(text, out::add, s -> { });
        return out;
    }

    private static void splitPlain(String text, Consumer<String> pieces) {
        Matcher m = PIECE.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) { // the pattern covers every character; kept so no text is ever dropped
                pieces.accept(ByteLevelAlphabet.encode(text.substring(end, m.start())));
            }
            pieces.accept(ByteLevelAlphabet.encode(m.group()));
            end = m.end();
        }
        if (end < text.length()) {
            pieces.accept(ByteLevelAlphabet.encode(text.substring(end)));
        }
    }
}
