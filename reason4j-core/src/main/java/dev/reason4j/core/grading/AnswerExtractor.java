package dev.reason4j.core.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a model's response.
 *
 * <p>Rules, most explicit first; the last occurrence of a rule wins:
 * <ol>
 *   <li>{@code <answer>…</answer>} (or rStar-Math's {@code <answer>…<end_of_answer>}); a box inside it wins;</li>
 *   <li>the last {@code \boxed{…}} or {@code \fbox{…}} with nested braces (several boxes on that same line, joined
 *       only by "and", "or" or commas, are one multi-part answer);</li>
 *   <li>"Final Answer: The final answer is X. I hope it is correct." (Minerva), "final answer is X",
 *       "the answer is X", "Answer: X", and GSM8K's {@code #### X};</li>
 *   <li>a multiple-choice letter after "answer is", "option" or "choice" (when enabled);</li>
 *   <li>the last number in the text (when enabled: on for GSM8K-style data, off for MATH-style).</li>
 * </ol>
 */
public final class AnswerExtractor {

    private static final Pattern ANSWER_TAG =
            Pattern.compile("<answer>(.*?)(?:</answer>|<end_of_answer>|$)", Pattern.DOTALL);
    private static final Pattern BOX = Pattern.compile("\\\\(?:boxed|fbox)\\s*");
    private static final Pattern PHRASE = Pattern.compile(
            "(?i)(?:final answer\\s*(?:is)?\\s*[:：]?|the answer is\\s*[:：]?|(?<![a-z])answer\\s*[:：]|####)"
                    + "\\s*(?:the final answer is\\s*)?(.+)");
    private static final Pattern HOPE = Pattern.compile("(?i)\\.?\\s*I hope it is correct\\.?\\s*$");
    /** A period that ends a sentence, not a decimal point: "18. Check: …" ends after 18. */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z])");
    private static final Pattern CHOICE = Pattern.compile(
            "(?i)(?:answer is|answer:|option|choice)(?:\\s+is)?\\s*[:：]?\\s*\\(?\\s*\\b([A-E])\\b\\s*\\)?(?![a-zA-Z])");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?(?:\\s*/\\s*\\d+)?|-?\\.\\d+");
    private static final Pattern BOX_JOINER = Pattern.compile("\\s*(?:,|and|or|\\\\text\\{\\s*(?:and|or)\\s*}|\\$)*\\s*");

    private final ExtractionOptions options;

    public AnswerExtractor(ExtractionOptions options) {
        this.options = options;
    }

    /** Where an answer came from, so reports can say how often a fallback was needed. */
    public enum Source {
        ANSWER_TAG,
        BOXED,
        PHRASE,
        CHOICE,
        LAST_NUMBER
    }

    /** An extracted answer and the rule that found it. */
    public record Extracted(String answer, Source source) {}

    /** The final answer of a response, or empty when no rule finds one. */
    public Optional<Extracted> extract(String response) {
        if (response == null || response.isBlank()) {
            return Optional.empty();
        }
        String tagged = lastAnswerTag(response);
        if (tagged != null) {
            String boxed = lastBoxed(tagged);
            return Optional.of(new Extracted(boxed != null ? boxed : tagged.strip(), Source.ANSWER_TAG));
        }
        String boxed = lastBoxed(response);
        if (boxed != null) {
            return Optional.of(new Extracted(boxed, Source.BOXED));
        }
        String phrase = lastPhrase(response);
        if (phrase != null) {
            return Optional.of(new Extracted(phrase, Source.PHRASE));
        }
        if (options.choiceLetters()) {
            String letter = lastMatch(CHOICE, response);
            if (letter != null) {
                return Optional.of(new Extracted(letter.toUpperCase(), Source.CHOICE));
            }
        }
        if (options.lastNumberFallback()) {
            Matcher m = NUMBER.matcher(response);
            String last = null;
            while (m.find()) {
                last = m.group();
            }
            if (last != null) {
                return Optional.of(new Extracted(last.strip(), Source.LAST_NUMBER));
            }
        }
        return Optional.empty();
    }

    private static String lastAnswerTag(String text) {
        Matcher m = ANSWER_TAG.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last == null || last.isBlank() ? null : last;
    }

    /** The content of the last box, plus boxes on the same line joined to it by "and", "or" or commas. */
    static String lastBoxed(String text) {
        List<int[]> boxes = new ArrayList<>();
        Matcher m = BOX.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int[] span = boxSpan(text, m.start(), m.end());
            if (span == null) {
                from = m.end();
                continue;
            }
            boxes.add(span);
            from = span[3];
        }
        if (boxes.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int last = boxes.size() - 1;
        parts.add(text.substring(boxes.get(last)[1], boxes.get(last)[2]).strip());
        for (int k = last - 1; k >= 0; k--) {
            String between = text.substring(boxes.get(k)[3], boxes.get(k + 1)[0]);
            if (between.contains("\n") || !BOX_JOINER.matcher(between).matches()) {
                break;
            }
            parts.addFirst(text.substring(boxes.get(k)[1], boxes.get(k)[2]).strip());
        }
        return String.join(", ", parts);
    }

    /** {start, contentStart, contentEnd, end} of a box, or null when it is not closed. */
    private static int[] boxSpan(String text, int start, int afterCommand) {
        if (afterCommand < text.length() && text.charAt(afterCommand) == '{') {
            int close = matchingBrace(text, afterCommand);
            return close < 0 ? null : new int[] {start, afterCommand + 1, close, close + 1};
        }
        // "\boxed 5": TeX takes the next token
        int end = afterCommand;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '$') {
            end++;
        }
        return end == afterCommand ? null : new int[] {start, afterCommand, end, end};
    }

    /** Index of the brace closing the one at {@code open}, skipping escaped braces; -1 when unbalanced. */
    static int matchingBrace(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                level++;
            } else if (c == '}' && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String lastPhrase(String text) {
        String last = null;
        for (String line : text.split("\n")) {
            Matcher m = PHRASE.matcher(line);
            String found = null;
            while (m.find()) {
                found = m.group(1);
            }
            if (found != null && !found.isBlank()) {
                last = found;
            }
        }
        if (last == null) {
            return null;
        }
        String answer = HOPE.matcher(last).replaceAll("").strip();
        if (answer.startsWith("$") && answer.indexOf('$', 1) > 0) {
            answer = answer.substring(0, answer.indexOf('$', 1) + 1);
        }
        Matcher sentenceEnd = SENTENCE_END.matcher(answer);
        if (sentenceEnd.find()) {
            answer = answer.substring(0, sentenceEnd.start());
        }
        answer = answer.replaceAll("\\.\\s*$", "").strip();
        return answer.isEmpty() ? null : answer;
    }

    private static String lastMatch(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
