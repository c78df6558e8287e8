package dev.reason4j.core.grading;

/**
 * How {@link AnswerExtractor} looks for a final answer.
 *
 * @param lastNumberFallback take the last number in the text when no explicit answer marker is found (GSM8K-style
 *     data, where models often end with a bare number); off for MATH-style data, where the last number of a long
 *     derivation is usually not the answer
 * @param choiceLetters recognise "the answer is (B)" style multiple-choice letters
 */
public record ExtractionOptions(boolean lastNumberFallback, boolean choiceLetters) {

    /** MATH, AIME, AMC, GaoKao: explicit answers only. */
    public static ExtractionOptions mathStyle() {
        return new ExtractionOptions(false, true);
    }

    /** GSM8K-style word problems: fall back to the last number. */
    public static ExtractionOptions gsm8kStyle() {
        return new ExtractionOptions(true, false);
    }
}
