package dev.reason4j.core.metrics.split;

import dev.reason4j.core.grading.AnswerExtractor;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the answer a piece of text reaches, through the grader's {@link AnswerExtractor}, keeping only the kinds of
 * answers asked for.
 *
 * <p>An "answer" made only of markdown and punctuation is no answer: the extractor reads a bare markdown heading
 * {@code **Final Answer**} as the answer {@code **}, and a heading alone must not end a solution round.
 */
public final class AnswerFinder {

    /** Characters that alone do not make an answer. */
    private static final String MARKUP = "*_#`~:.,;!?'\"-";

    private final AnswerExtractor extractor;
    private final Set<AnswerExtractor.Source> sources;

    /**
     * @param extractor the grader's extractor (so answers are found exactly as they are graded)
     * @param sources the kinds of answers to accept
     */
    public AnswerFinder(AnswerExtractor extractor, Set<AnswerExtractor.Source> sources) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("sources must not be empty");
        }
        this.sources = EnumSet.copyOf(sources);
    }

    /** A finder that accepts every kind of answer the extractor is configured to find. */
    public static AnswerFinder anyAnswer(AnswerExtractor extractor) {
        return new AnswerFinder(extractor, EnumSet.allOf(AnswerExtractor.Source.class));
    }

    /** The answer {@code text} ends with, if it states one of the accepted kinds. */
    public Optional<String> find(String text) {
        return extractor.extract(text)
                .filter(e -> sources.contains(e.source()))
                .map(AnswerExtractor.Extracted::answer)
                .filter(AnswerFinder::hasContent);
    }

    private static boolean hasContent(String answer) {
        for (int i = 0; i < answer.length(); i++) {
            char c = answer.charAt(i);
            if (!Character.isWhitespace(c) && MARKUP.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }
}
