package dev.reason4j.lm.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text cut at blank lines into paragraphs that tile it exactly: the whitespace after one belongs to it. */
record Paragraphs(String text, List<Integer> starts) {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\r]*\\n\\s*");

    static Paragraphs of(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher m = BLANK_LINES.matcher(text);
        while (m.find()) {
            if (m.end() < text.length()) {
                starts.add(m.end());
            }
        }
        return new Paragraphs(text, List.copyOf(starts));
    }

    int size() {
        return starts.size();
    }

    /** Paragraphs {@code from} (inclusive) to {@code to} (exclusive) as one piece of the text. */
    String span(int from, int to) {
        int end = to < starts.size() ? starts.get(to) : text.length();
        return text.substring(starts.get(from), end);
    }

    String get(int i) {
        return span(i, i + 1);
    }
}
