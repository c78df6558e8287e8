package dev.reason4j.core.dataset;

import java.util.regex.Pattern;

/** How the gold answer is taken from the answer field's text. */
public enum AnswerRule {

    /** The field's text is the answer, kept as given (LaTeX and dollar signs included). */
    AS_GIVEN,

    /**
     * GSM8K: the field holds a worked solution ending in {@code #### <answer>}; the answer is the text after the
     * last {@code ####}, trimmed, with thousands separators removed ({@code 1,450,000} → {@code 1450000}). The whole
     * field is kept as meta {@code solution}.
     */
    GSM8K_FINAL_LINE;

    private static final String GSM8K_MARK = "####";
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /**
     * The gold answer in {@code text}.
     *
     * @throws IllegalArgumentException saying what is missing when the text does not follow the rule
     */
    String answerFrom(String text) {
        return switch (this) {
            case AS_GIVEN -> text;
            case GSM8K_FINAL_LINE -> {
                int mark = text.lastIndexOf(GSM8K_MARK);
                if (mark < 0) {
                    throw new IllegalArgumentException("no '" + GSM8K_MARK + "' before the final answer");
                }
                String answer = text.substring(mark + GSM8K_MARK.length()).strip();
                if (answer.isEmpty()) {
                    throw new IllegalArgumentException("nothing follows '" + GSM8K_MARK + "'");
                }
                yield THOUSANDS.matcher(answer).matches() ? answer.replace(",", "") : answer;
            }
        };
    }

    /** Whether the answer field's full text is kept as meta {@code solution}. */
    boolean keepsSolution() {
        return this == GSM8K_FINAL_LINE;
    }
}
