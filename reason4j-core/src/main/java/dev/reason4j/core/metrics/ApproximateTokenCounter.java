package dev.reason4j.core.metrics;

/**
 * An <b>approximate</b> token count for when no tokenizer is given; summaries label it {@code approximate}.
 *
 * <p>It follows the pre-tokenisation of the byte-level BPE tokenizers of current open models (Qwen2, Llama 3),
 * not their learned merges:
 * <ul>
 *   <li>a run of letters is one token, plus one for every further 6 letters beyond the first 8 (common words are
 *       single tokens; long rare words split);</li>
 *   <li>each digit is one token (Qwen2 splits numbers into digits);</li>
 *   <li>each Chinese, Japanese or Korean character is one token;</li>
 *   <li>a single space before a word is part of the word; a longer run of blanks, or any run with a line break,
 *       is one token;</li>
 *   <li>other characters (punctuation, LaTeX backslashes, braces, symbols) are one token each, except that a run
 *       of one repeated character counts one token per two ({@code **}, {@code $$}, {@code ==}).</li>
 * </ul>
 * Use it to compare responses with one another, never to compare with counts from a real tokenizer. Counts are
 * additive up to one token at the seams: counting two halves of a text gives about the count of the whole.
 */
public final class ApproximateTokenCounter implements TokenCounter {

    private static final int LETTERS_IN_ONE_TOKEN = 8;
    private static final int LETTERS_PER_EXTRA_TOKEN = 6;

    @Override
    public int count(String text) {
        int tokens = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isCjk(cp) || Character.isDigit(cp)) {
                tokens++;
                i += width;
            } else if (Character.isLetter(cp)) {
                int letters = 0;
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (!Character.isLetter(c) || isCjk(c)) {
                        break;
                    }
                    letters++;
                    i += Character.charCount(c);
                }
                tokens += 1 + Math.max(0, letters - LETTERS_IN_ONE_TOKEN + LETTERS_PER_EXTRA_TOKEN - 1)
                        / LETTERS_PER_EXTRA_TOKEN;
            } else if (Character.isWhitespace(cp)) {
                int start = i;
                boolean lineBreak = false;
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    lineBreak |= text.charAt(i) == '\n';
                    i++;
                }
                if (lineBreak || i - start > 1) {
                    tokens++;
                }
            } else {
                int run = 0;
                while (i < n && text.codePointAt(i) == cp) {
                    run++;
                    i += width;
                }
                tokens += (run + 1) / 2;
            }
        }
        return tokens;
    }

    private static boolean isCjk(int cp) {
        if (cp < 0x2E80) { // below the CJK radicals block: Latin, Greek, Cyrillic, symbols
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    @Override
    public String name() {
        return "approximate";
    }

    @Override
    public boolean approximate() {
        return true;
    }
}
