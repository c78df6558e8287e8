package dev.reason4j.core.metrics.split;

import dev.reason4j.core.grading.AnswerExtractor;

/** Where a solution's answer was found. */
public enum AnswerSource {
    /** {@code <answer>…</answer>}, found by the grader's extractor. */
    ANSWER_TAG,
    /** {@code \boxed{…}}, found by the grader's extractor. */
    BOXED,
    /** "the answer is …", "Answer: …", found by the grader's extractor. */
    PHRASE,
    /** A multiple-choice letter, found by the grader's extractor. */
    CHOICE,
    /** A concluding sentence ("So, the total is 18.") matched by one of {@link SplitMarkers#conclusionPatterns()}. */
    CONCLUSION,
    /** A trailing "Final Answer" restatement, used only when the round reached no answer of its own. */
    RESTATEMENT,
    /** The response's final answer, given to a reasoning part that reaches no answer itself. */
    RESPONSE;

    /** The source matching a rule of the grader's extractor. */
    public static AnswerSource of(AnswerExtractor.Source source) {
        return switch (source) {
            case ANSWER_TAG -> ANSWER_TAG;
            case BOXED -> BOXED;
            case PHRASE -> PHRASE;
            case CHOICE -> CHOICE;
            // the splitter's extractor never falls back to the last number; a caller's extractor may
            case LAST_NUMBER -> CONCLUSION;
        };
    }
}
